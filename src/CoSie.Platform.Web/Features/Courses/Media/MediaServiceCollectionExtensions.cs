using System.Net;
using Hangfire;

namespace CoSie.Platform.Web.Features.Courses.Media;

public static class MediaServiceCollectionExtensions
{
    public static IServiceCollection AddImportMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.AllowedPrivateNetworks.All(n => IPNetwork.TryParse(n, out _)), "Import:Media:AllowedPrivateNetworks holds CIDR networks such as 127.0.0.1/32.")
            .ValidateOnStart();
        services.AddSingleton<MediaAddressGuard>();
        services.AddHttpClient(MediaFetcher.ClientName, client =>
            {
                // Each fetch has its own, configurable time limit; this only backs it up.
                client.Timeout = TimeSpan.FromMinutes(5);
                client.DefaultRequestHeaders.UserAgent.ParseAdd("CoSie-Platform-Import/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
            {
                // Every connection, redirects included, is checked by the guard; a proxy would hide the real address.
                ConnectCallback = services.GetRequiredService<MediaAddressGuard>().ConnectAsync,
                UseProxy = false,
                UseCookies = false,
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 3,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                AutomaticDecompression = DecompressionMethods.None,
            });
        services.AddSingleton<MediaFetcher>();
        services.AddScoped<MediaStore>();
        services.AddScoped<CopyImportMedia>();
        services.AddScoped<ForgetUnusedMediaJob>();
        services.AddScoped<MediaAccess>();
        return services;
    }

    // Every instance registers the same recurring job; Hangfire keeps one definition and runs it on one server.
    public static void RegisterMediaCleanup(this IServiceProvider services) =>
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<ForgetUnusedMediaJob>(
            ForgetUnusedMediaJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), ForgetUnusedMediaJob.Cron);
}
