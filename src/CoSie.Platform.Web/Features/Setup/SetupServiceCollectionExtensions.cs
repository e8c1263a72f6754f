namespace CoSie.Platform.Web.Features.Setup;

public static class SetupServiceCollectionExtensions
{
    public static IServiceCollection AddFirstRun(this IServiceCollection services)
    {
        services.AddScoped<FirstRun>();
        return services;
    }
}
