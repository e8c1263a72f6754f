namespace CoSie.Platform.Web.Features.Research;

public static class ResearchServiceCollectionExtensions
{
    public static IServiceCollection AddResearch(this IServiceCollection services)
    {
        services.AddScoped<ResearchConsents>();
        services.AddScoped<ResearchExporter>();
        return services;
    }
}
