using Hangfire;

namespace CoSie.Platform.Web.Features.Digests;

public static class DigestsServiceCollectionExtensions
{
    public static IServiceCollection AddDigests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DigestLinks>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<DigestClaims>();
        services.AddScoped<DigestContentBuilder>();
        services.AddScoped<DigestDispatcher>();
        services.AddScoped<DigestEmail>();
        services.AddScoped<DigestPreferences>();
        services.AddScoped<DigestPreview>();
        services.AddScoped<ScheduleDigestsJob>();
        services.AddScoped<SendCohortDigestsJob>();
        services.AddScoped<SendDigestJob>();
        return services;
    }

    // Every instance registers the same recurring job; Hangfire keeps one definition and runs it on one server.
    public static void RegisterDigestSchedule(this IServiceProvider services) =>
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<ScheduleDigestsJob>(
            ScheduleDigestsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), ScheduleDigestsJob.Cron);
}
