using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Courses.Import;
using CoSie.Platform.Web.Features.Courses.Media;
using Hangfire;

namespace CoSie.Platform.Web.Features.Courses;

public static class CourseServiceCollectionExtensions
{
    public static IServiceCollection AddCourses(this IServiceCollection services)
    {
        services.AddSingleton<HtmlContentSanitizer>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddOptions<ImportLimits>().BindConfiguration(ImportLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ModuleImporter>();
        services.AddScoped<CourseAccess>();
        services.AddScoped<CourseSlugs>();
        services.AddScoped<CourseProgress>();
        services.AddScoped<ModuleEditing>();
        services.AddScoped<PromptRemoval>();
        services.AddScoped<ImportModules>();
        services.AddScoped<StartCourseImport>();
        services.AddScoped<RunCourseImport>();
        services.AddScoped<CourseImportJob>();
        services.AddOptions<ImportHousekeepingOptions>().BindConfiguration(ImportHousekeepingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<TidyCourseImportsJob>();
        services.AddImportMedia();
        services.AddOptions<SiteImportOptions>().BindConfiguration(SiteImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(WordPressSiteReader.ClientName, client =>
            {
                // Each answer has its own, configurable time limit; this only backs it up.
                client.Timeout = TimeSpan.FromMinutes(10);
                client.DefaultRequestHeaders.UserAgent.ParseAdd("CoSie-Platform-Import/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
            {
                // The media fetches' guard: every connection, redirects included, is checked after DNS; a proxy would
                // hide the real address.
                ConnectCallback = services.GetRequiredService<MediaAddressGuard>().ConnectAsync,
                UseProxy = false,
                UseCookies = false,
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 3,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                AutomaticDecompression = System.Net.DecompressionMethods.All,
            });
        services.AddSingleton<WordPressSiteReader>();
        return services;
    }

    // Every instance registers the same recurring job; Hangfire keeps one definition and runs it on one server.
    public static void RegisterImportTidying(this IServiceProvider services) =>
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<TidyCourseImportsJob>(
            TidyCourseImportsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), TidyCourseImportsJob.Cron);
}
