using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoSie.Platform.Web.Tenancy;

public static class TenancyServiceCollectionExtensions
{
    public static IServiceCollection AddTenancy(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<TenantContext>();
        services.AddSingleton<InstitutionDirectory>();
        services.AddSingleton<TenantScopes>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, EndpointScopeMatcherPolicy>());
        return services;
    }

    public static IApplicationBuilder UseTenancy(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantResolutionMiddleware>();
}
