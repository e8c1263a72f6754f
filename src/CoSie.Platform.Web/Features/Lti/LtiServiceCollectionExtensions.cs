using CoSie.Platform.Web.Features.Lti.Admin;
using CoSie.Platform.Web.Features.Lti.Keys;

namespace CoSie.Platform.Web.Features.Lti;

public static class LtiServiceCollectionExtensions
{
    public static IServiceCollection AddLti(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LtiSettings>().Bind(configuration.GetSection(LtiSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ToolKeyProtector>();
        services.AddScoped<ToolKeys>();
        services.AddScoped<SavePlatform>();
        return services;
    }
}
