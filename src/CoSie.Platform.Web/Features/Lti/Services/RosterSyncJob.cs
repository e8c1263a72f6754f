using CoSie.Platform.Web.Tenancy;
using Hangfire;

namespace CoSie.Platform.Web.Features.Lti.Services;

// Roster synchronisation in the background: one LMS course after a launch or an instructor's "Sync now", and every
// course of every institution on a schedule. The schedule is cross-institution code: it works inside each institution
// through TenantScopes.ForEachInstitutionAsync, naming the institution in its query as well.
public sealed class RosterSyncJob(TenantScopes scopes, IBackgroundJobClient jobs, ILogger<RosterSyncJob> logger)
{
    public const string RecurringJobId = "lti:roster-sync";
    public const string Cron = "17 */6 * * *";

    // The outcome is kept on the context; the next launch, "Sync now" or schedule tries again.
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task SyncAsync(Guid institutionId, Guid contextId, CancellationToken cancellationToken)
    {
        await using var scope = await scopes.EnterAsync(institutionId, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<RosterSync>().SyncAsync(contextId, cancellationToken);
    }

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAllAsync(CancellationToken cancellationToken)
    {
        await scopes.ForEachInstitutionAsync(async (info, services) =>
        {
            var contexts = await services.GetRequiredService<PlatformDbContext>().LtiContexts.AsNoTracking()
                .Where(c => c.InstitutionId == info.Id && c.MembershipsUrl != null)
                .Select(c => c.Id).ToListAsync(cancellationToken);
            foreach (var contextId in contexts)
            {
                jobs.Enqueue<RosterSyncJob>(job => job.SyncAsync(info.Id, contextId, CancellationToken.None));
            }
            if (contexts.Count > 0)
            {
                logger.LogInformation("Queued roster synchronisation of {Count} LMS courses in {Institution}", contexts.Count, info.Slug);
            }
        }, logger, cancellationToken);
    }
}
