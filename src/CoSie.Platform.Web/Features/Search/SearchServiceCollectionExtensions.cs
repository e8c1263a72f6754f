namespace CoSie.Platform.Web.Features.Search;

public static class SearchServiceCollectionExtensions
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchDiscussions>();
        return services;
    }
}
