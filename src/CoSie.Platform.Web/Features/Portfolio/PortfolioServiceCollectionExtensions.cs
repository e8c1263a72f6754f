namespace CoSie.Platform.Web.Features.Portfolio;

public static class PortfolioServiceCollectionExtensions
{
    public static IServiceCollection AddPortfolio(this IServiceCollection services)
    {
        services.AddScoped<LearnerPortfolio>();
        services.AddScoped<PortfolioFiles>();
        return services;
    }
}
