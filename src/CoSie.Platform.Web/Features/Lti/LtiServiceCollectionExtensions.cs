using Hangfire;
using Microsoft.Extensions.Options;
using CoSie.Platform.Web.Features.Lti.Admin;
using CoSie.Platform.Web.Features.Lti.DeepLinking;
using CoSie.Platform.Web.Features.Lti.Framing;
using CoSie.Platform.Web.Features.Lti.Keys;
using CoSie.Platform.Web.Features.Lti.Launch;
using CoSie.Platform.Web.Features.Lti.Maintenance;
using CoSie.Platform.Web.Features.Lti.Services;

namespace CoSie.Platform.Web.Features.Lti;

public static class LtiServiceCollectionExtensions
{
    public static IServiceCollection AddLti(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LtiSettings>().Bind(configuration.GetSection(LtiSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ToolKeyProtector>();
        services.AddScoped<ToolKeys>();
        services.AddScoped<SavePlatform>();
        services.AddScoped<FramingOrigins>();
        services.AddSingleton<LaunchState>();
        services.AddSingleton<PlatformKeySets>();
        services.AddScoped<LaunchToken>();
        services.AddScoped<LtiPeople>();
        services.AddScoped<LaunchLanding>();
        services.AddScoped<LaunchTickets>();
        services.AddScoped<SweepLtiNoncesJob>();
        services.AddScoped<StartDeepLinking>();
        services.AddScoped<DeepLinkingOffer>();
        services.AddScoped<DeepLinkingResponse>();
        services.Configure<CookiePolicyOptions>(options => options.OnAppendCookie = LtiCookies.Apply);
        services.AddHttpClient(PlatformKeySets.ClientName, (services, client) =>
        {
            client.Timeout = services.GetRequiredService<IOptions<LtiSettings>>().Value.BackchannelTimeout;
            client.DefaultRequestHeaders.UserAgent.ParseAdd("CoSie-Platform-LTI/1.0");
        });
        services.AddLtiServices();
        return services;
    }

    // Every instance registers the same recurring job; Hangfire keeps one definition and runs it on one server.
    public static void RegisterLtiSweep(this IServiceProvider services) =>
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<SweepLtiNoncesJob>(
            SweepLtiNoncesJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), SweepLtiNoncesJob.Cron);
}
