using CoSie.Platform.Web.Features.Discussions.Outbox;
using Hangfire;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Lti.Services;

public static class LtiServicesRegistration
{
    public static IServiceCollection AddLtiServices(this IServiceCollection services)
    {
        services.AddSingleton<ServiceTokenCache>();
        services.AddScoped<ServiceTokens>();
        services.AddScoped<ServiceCalls>();
        services.AddScoped<AdvantageLaunch>();
        services.AddScoped<RosterSync>();
        services.AddScoped<RosterSyncJob>();
        services.AddScoped<LineItems>();
        services.AddScoped<PublishScore>();
        services.AddScoped<PublishScoreJob>();
        services.AddScoped<PublishPendingScoresJob>();
        services.AddScoped<GradeOnPublish>();
        services.AddScoped<IPostPublishedListener>(services => services.GetRequiredService<GradeOnPublish>());
        services.AddScoped<IPostStatusListener>(services => services.GetRequiredService<GradeOnPublish>());
        services.AddHttpClient(ServiceTokens.ClientName, (services, client) =>
        {
            client.Timeout = services.GetRequiredService<IOptions<LtiSettings>>().Value.BackchannelTimeout;
            client.DefaultRequestHeaders.UserAgent.ParseAdd("CoSie-Platform-LTI/1.0");
        });
        return services;
    }

    // Every instance registers the same recurring job; Hangfire keeps one definition and runs it on one server.
    public static void RegisterRosterSchedule(this IServiceProvider services)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<RosterSyncJob>(RosterSyncJob.RecurringJobId, job => job.RunAllAsync(CancellationToken.None), RosterSyncJob.Cron);
        recurring.AddOrUpdate<PublishPendingScoresJob>(PublishPendingScoresJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), PublishPendingScoresJob.Cron);
    }
}
