using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Hosting;

public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddPlatformWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPlatformLanguages(configuration);
        services.AddRazorPages(options =>
            {
                options.RootDirectory = "/Features";
                options.Conventions.AuthorizeFolder("/Account/Manage");
                options.Conventions.AuthorizeFolder("/Portfolio");
                options.Conventions.ConfigureFilter(new PlainTextRefusalFilter());
                options.Conventions.AuthorizeFolder("/Admin", Identity.PlatformPolicies.PlatformAdmin);
                ScopeFolder(options, "/Home", EndpointScope.Platform);
                ScopeFolder(options, "/Admin", EndpointScope.Platform);
                ScopeFolder(options, "/Setup", EndpointScope.Platform);
                ScopeFolder(options, "/Institutions", EndpointScope.Institution);
                ScopeFolder(options, "/Courses", EndpointScope.Institution);
                ScopeFolder(options, "/Cohorts", EndpointScope.Institution);
                ScopeFolder(options, "/Discussions", EndpointScope.Institution);
                ScopeFolder(options, "/Moderation", EndpointScope.Institution);
                ScopeFolder(options, "/Insight", EndpointScope.Institution);
                ScopeFolder(options, "/Proposals", EndpointScope.Institution);
                ScopeFolder(options, "/Synthesis", EndpointScope.Institution);
                ScopeFolder(options, "/Search", EndpointScope.Institution);
                ScopeFolder(options, "/Profiles", EndpointScope.Institution);
                ScopeFolder(options, "/Research", EndpointScope.Institution);
                ScopeFolder(options, "/SingleSignOn/Admin", EndpointScope.Institution);
                ScopeFolder(options, "/SingleSignOn/SignIn", EndpointScope.Institution);
                ScopeFolder(options, "/Lti", EndpointScope.Institution);
                // The unsubscribe page works anywhere (its token names the institution); the instructors' page does not.
                ScopePage(options, "/Digests/CohortDigest", EndpointScope.Institution);
            })
            .AddMvcOptions(options =>
            {
                options.ModelBinderProviders.Insert(0, new PlainTextModelBinderProvider());
                options.ModelBinderProviders.Insert(0, new ReaderDateModelBinderProvider());
            })
            .AddDataAnnotationsLocalization();

        // Keys in PostgreSQL: restarts and several instances keep people signed in.
        services.AddDataProtection()
            .SetApplicationName("CoSie.Platform")
            .PersistKeysToDbContext<PlatformDbContext>();

        services.AddOptions<AppOptions>().Bind(configuration.GetSection(AppOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ShutdownOptions>().Bind(configuration.GetSection(ShutdownOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((options, shutdown) => options.ShutdownTimeout = shutdown.Value.Timeout);

        services.AddOptions<RequestLimits>().Bind(configuration.GetSection(RequestLimits.Section)).ValidateDataAnnotations().ValidateOnStart();
        // The body limit (RequestBodyLimitMiddleware) is the one limit on size: a single form field may fill it. The
        // form reader's own 4 MB cap per field would otherwise fail a module body or an import first, as a 500.
        services.Configure<FormOptions>(options => options.ValueLengthLimit = int.MaxValue);

        services.Configure<ForwardedHeadersOptions>(options => ForwardedHeadersSettings.Apply(options, configuration));

        // The framework's rate limiter; features add their policies (AccountFormsRateLimit).
        services.AddOptions<RateLimits>().Bind(configuration.GetSection(RateLimits.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(RateLimitingSettings.Apply);

        services.AddHealthChecks().AddCheck<ReadinessHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    private static void ScopePage(Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions options, string page, EndpointScope scope) =>
        options.Conventions.AddPageApplicationModelConvention(page, model => model.EndpointMetadata.Add(new EndpointScopeMetadata(scope)));

    private static void ScopeFolder(Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions options, string folder, EndpointScope scope) =>
        options.Conventions.AddFolderApplicationModelConvention(folder, model => model.EndpointMetadata.Add(new EndpointScopeMetadata(scope)));
}
