using CoSie.Platform.Web.Tenancy;
using Hangfire;

namespace CoSie.Platform.Web.Features.Lti.Services;

// Every minute: sends the scores marked pending (by a new post, a moderator's decision or a deleted post) and tries
// failed ones again after a backoff, up to MaxAttempts. Those marks are written inside the transaction that changed
// the posts, so this job only ever sees committed ones: a delivery that rolled back marked nothing, and a score is
// never looked for before its post is there. Cross-institution like the other sweeps: it works inside each
// institution through its own scope, naming the institution in its query as well.
public sealed class PublishPendingScoresJob(TenantScopes scopes, TimeProvider clock, ILogger<PublishPendingScoresJob> logger)
{
    public const string RecurringJobId = "lti:publish-scores";
    public const string Cron = "* * * * *";
    public const int MaxAttempts = 4;

    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)];

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await scopes.ForEachInstitutionAsync((info, _) => RunAsync(info, cancellationToken), logger, cancellationToken);
    }

    // The scores of one institution that are due now; returns how many were sent.
    public async Task<int> RunAsync(InstitutionInfo institution, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.Enter(institution);
        var tenantDb = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var candidates = await (
            from s in tenantDb.LtiScores.AsNoTracking()
            where s.InstitutionId == institution.Id
                && (s.Status == LtiScoreStatus.Pending || (s.Status == LtiScoreStatus.Failed && s.Attempts < MaxAttempts))
            join c in tenantDb.LtiContexts on s.LtiContextId equals c.Id
            select new { c.CohortId, s.PromptId, s.UserId, s.Status, s.Attempts, s.UpdatedAt }).ToListAsync(cancellationToken);
        var due = candidates
            .Where(s => s.Status == LtiScoreStatus.Pending || s.UpdatedAt + Backoff[Math.Clamp(s.Attempts - 1, 0, Backoff.Length - 1)] <= now)
            .Select(s => (s.CohortId, s.PromptId, s.UserId)).Distinct().ToList();
        var sent = 0;
        foreach (var (cohortId, promptId, userId) in due)
        {
            // A scope per score: a failure's tracked rows do not follow the next score.
            await using var one = scopes.Enter(institution);
            try
            {
                await one.ServiceProvider.GetRequiredService<PublishScore>().PublishAsync(cohortId, promptId, userId, cancellationToken);
                sent++;
            }
            catch (LtiServiceException e)
            {
                // Kept on the score row by PublishScore; the next run tries again after the backoff.
                logger.LogInformation("Score of {UserId} on prompt {PromptId} in {Institution} waits for another try: {Failure}", userId, promptId, institution.Slug, e.Code);
            }
        }
        return sent;
    }
}
