using CoSie.Platform.Web.Tenancy;
using Hangfire;

namespace CoSie.Platform.Web.Features.Lti.Services;

// Every minute: sends the scores marked pending (by a new post, a moderator's decision or a deleted post) and tries
// failed ones again after a backoff, up to MaxAttempts. Those marks are written inside the transaction that changed
// the posts, so this job only ever sees committed ones: a delivery that rolled back marked nothing, and a score is
// never looked for before its post is there. Cross-institution: one read across institutions finds those with scores
// waiting, and the job enters only them, through their own scopes, naming the institution in its queries as well.
// A score whose LMS registration is disabled cannot be sent: it is marked failed with that reason, which the
// instructors see on the cohort's LMS page, and is sent once the registration is enabled again.
public sealed class PublishPendingScoresJob(PlatformDbContext db, TenantScopes scopes, TimeProvider clock, ILogger<PublishPendingScoresJob> logger)
{
    public const string RecurringJobId = "lti:publish-scores";
    public const string Cron = "* * * * *";
    public const int MaxAttempts = 4;

    // The wait before another try: after the first failed attempt, the second, and the third.
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)];

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var waiting = await InstitutionsWaitingAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return;
        }
        await scopes.ForEachInstitutionAsync((info, services) => RunInAsync(info, services, cancellationToken), logger, cancellationToken, waiting);
    }

    // The institutions with scores pending, or failed and due for another try: a read across institutions, which
    // row-level security allows for reads only.
    public Task<List<Guid>> InstitutionsWaitingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.AcrossInstitutionsAsync(across => Waiting(
                across.LtiScores.IgnoreQueryFilters([PlatformDbContext.TenantFilter]),
                across.LtiContexts.IgnoreQueryFilters([PlatformDbContext.TenantFilter]),
                across.LtiPlatforms.IgnoreQueryFilters([PlatformDbContext.TenantFilter]),
                now)
            .Select(w => w.InstitutionId).Distinct().ToListAsync(cancellationToken), cancellationToken);
    }

    // The scores of one institution that are due now; returns how many were sent.
    public async Task<int> RunAsync(InstitutionInfo institution, CancellationToken cancellationToken)
    {
        await using var scope = scopes.Enter(institution);
        return await RunInAsync(institution, scope.ServiceProvider, cancellationToken);
    }

    // The same, inside a scope already entered for the institution (the fan-out's).
    private async Task<int> RunInAsync(InstitutionInfo institution, IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tenantDb = services.GetRequiredService<PlatformDbContext>();
        var waiting = Waiting(tenantDb.LtiScores.Where(s => s.InstitutionId == institution.Id), tenantDb.LtiContexts, tenantDb.LtiPlatforms, now);

        var stopped = waiting.Where(w => !w.Enabled).Select(w => w.Id);
        var disabled = await tenantDb.LtiScores.Where(s => s.InstitutionId == institution.Id && stopped.Contains(s.Id))
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, LtiScoreStatus.Failed)
                .SetProperty(x => x.Error, nameof(ServiceFailure.RegistrationDisabled))
                .SetProperty(x => x.UpdatedAt, now), cancellationToken);
        if (disabled > 0)
        {
            logger.LogWarning("{Count} scores in {Institution} wait for a disabled LMS registration; marked failed until it is enabled again", disabled, institution.Slug);
        }

        var due = await waiting.Where(w => w.Enabled).Select(w => new { w.CohortId, w.PromptId, w.UserId }).Distinct().ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var score in due)
        {
            // A scope per score: a failure's tracked rows do not follow the next score.
            await using var one = scopes.Enter(institution);
            try
            {
                await one.ServiceProvider.GetRequiredService<PublishScore>().PublishAsync(score.CohortId, score.PromptId, score.UserId, cancellationToken);
                sent++;
            }
            catch (LtiServiceException e)
            {
                // Kept on the score row by PublishScore; the next run tries again after the backoff.
                logger.LogInformation("Score of {UserId} on prompt {PromptId} in {Institution} waits for another try: {Failure}", score.UserId, score.PromptId, institution.Slug, e.Code);
            }
        }
        return sent;
    }

    // The scores waiting for this job: every pending one (one of a disabled registration, to be marked failed), and the
    // failed ones of enabled registrations whose backoff is over.
    private static IQueryable<WaitingScore> Waiting(IQueryable<LtiScore> scores, IQueryable<LtiContext> contexts, IQueryable<LtiPlatform> platforms, DateTimeOffset now)
    {
        var afterFirst = now - Backoff[0];
        var afterSecond = now - Backoff[1];
        var afterMore = now - Backoff[2];
        return
            from s in scores
            join c in contexts on s.LtiContextId equals c.Id
            join p in platforms on c.PlatformId equals p.Id
            where s.Status == LtiScoreStatus.Pending
                || (p.IsEnabled && s.Status == LtiScoreStatus.Failed && s.Attempts < MaxAttempts
                    && (s.Attempts <= 1 ? s.UpdatedAt <= afterFirst : s.Attempts == 2 ? s.UpdatedAt <= afterSecond : s.UpdatedAt <= afterMore))
            select new WaitingScore { Id = s.Id, InstitutionId = s.InstitutionId, CohortId = c.CohortId, PromptId = s.PromptId, UserId = s.UserId, Enabled = p.IsEnabled };
    }

    private sealed class WaitingScore
    {
        public Guid Id { get; init; }
        public Guid InstitutionId { get; init; }
        public Guid CohortId { get; init; }
        public Guid PromptId { get; init; }
        public Guid UserId { get; init; }
        public bool Enabled { get; init; }
    }
}
