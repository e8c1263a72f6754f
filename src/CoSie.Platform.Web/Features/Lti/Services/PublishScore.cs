using System.Text.Json.Nodes;
using CoSie.Platform.Web.Features.Discussions.Progress;
using CoSie.Platform.Web.Features.Lti.Launch;
using Npgsql;

namespace CoSie.Platform.Web.Features.Lti.Services;

// Sends a member's participation score on one prompt to the gradebook of every LMS course their cohort is linked to
// (AGS 2.0 score publish service), and keeps how it went per member and prompt for the instructors. A failure is
// kept and thrown, so the job that called it is retried.
public sealed class PublishScore(
    PlatformDbContext db, DiscussionProgress progress, LineItems lineItems, ServiceCalls calls, TimeProvider clock, ILogger<PublishScore> logger)
{
    public async Task PublishAsync(Guid cohortId, Guid promptId, Guid userId, CancellationToken cancellationToken)
    {
        var contexts = await db.LtiContexts.AsNoTracking()
            .Where(c => c.CohortId == cohortId && (c.LineItemsUrl != null || c.GradeScopes.Count > 0)).ToListAsync(cancellationToken);
        var cohort = await db.Cohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cohortId, cancellationToken);
        var prompt = await db.ReflectionPrompts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == promptId, cancellationToken);
        if (contexts.Count == 0 || cohort is null || prompt is null)
        {
            return;
        }
        var mine = (await progress.ForPersonAsync(cohort.CourseId, userId, [promptId], cancellationToken, visibleOnly: true)).FirstOrDefault(c => c.CohortId == cohortId);
        var score = ParticipationScore.Of(mine?.For(promptId) ?? PromptProgress.None, cohort.ExpectedPeerReplies);
        LtiServiceException? failed = null;
        foreach (var context in contexts)
        {
            var loginProvider = LaunchLanding.LoginProviderFor(context.PlatformId);
            var subject = await db.UserLogins.AsNoTracking().Where(l => l.LoginProvider == loginProvider && l.UserId == userId)
                .Select(l => l.ProviderKey).FirstOrDefaultAsync(cancellationToken);
            var platform = await db.LtiPlatforms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == context.PlatformId && p.IsEnabled, cancellationToken);
            if (subject is null || platform is null)
            {
                // Not someone this LMS knows: there is no gradebook row of theirs to write to.
                continue;
            }
            var row = await RowAsync(context.Id, promptId, userId, cancellationToken);
            row.ScoreGiven = score.Given;
            try
            {
                var lineItem = await lineItems.UrlAsync(platform, context, prompt, cancellationToken);
                var now = clock.GetUtcNow();
                var body = new JsonObject
                {
                    ["userId"] = subject,
                    ["scoreGiven"] = score.Given,
                    ["scoreMaximum"] = ParticipationScore.Maximum,
                    ["activityProgress"] = score.ActivityProgress,
                    ["gradingProgress"] = score.GradingProgress,
                    ["timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
                };
                await calls.SendAsync(platform, [Advantage.ScoreScope], HttpMethod.Post, LineItems.ScoresUrl(lineItem), "application/json",
                    body.ToJsonString(), Advantage.Score, cancellationToken);
                row.Status = LtiScoreStatus.Sent;
                row.Error = null;
                row.SentAt = now;
                row.UpdatedAt = now;
                logger.LogInformation("Score {Score} of {UserId} on prompt {PromptId} sent to LTI context {ContextId}", score.Given, userId, promptId, context.Id);
            }
            catch (LtiServiceException e)
            {
                row.Status = LtiScoreStatus.Failed;
                row.Error = e.Code;
                row.Attempts++;
                row.UpdatedAt = clock.GetUtcNow();
                failed = e;
                logger.LogWarning(e, "Score of {UserId} on prompt {PromptId} could not be sent to LTI context {ContextId}", userId, promptId, context.Id);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        if (failed is not null)
        {
            throw failed;
        }
    }

    // Marks the score as on its way before the job runs, so the instructor sees it pending.
    public async Task MarkPendingAsync(Guid cohortId, Guid promptId, Guid userId, CancellationToken cancellationToken)
    {
        var contexts = await db.LtiContexts.AsNoTracking().Where(c => c.CohortId == cohortId).Select(c => new { c.Id, c.PlatformId }).ToListAsync(cancellationToken);
        foreach (var (contextId, platformId) in contexts.Select(c => (c.Id, c.PlatformId)))
        {
            var loginProvider = LaunchLanding.LoginProviderFor(platformId);
            if (!await db.UserLogins.AnyAsync(l => l.LoginProvider == loginProvider && l.UserId == userId, cancellationToken))
            {
                continue;
            }
            var row = await RowAsync(contextId, promptId, userId, cancellationToken);
            row.Status = LtiScoreStatus.Pending;
            row.UpdatedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<LtiScore> RowAsync(Guid contextId, Guid promptId, Guid userId, CancellationToken cancellationToken)
    {
        var row = db.LtiScores.Local.SingleOrDefault(s => s.LtiContextId == contextId && s.PromptId == promptId && s.UserId == userId)
            ?? await db.LtiScores.SingleOrDefaultAsync(s => s.LtiContextId == contextId && s.PromptId == promptId && s.UserId == userId, cancellationToken);
        if (row is null)
        {
            row = new LtiScore { LtiContextId = contextId, PromptId = promptId, UserId = userId, UpdatedAt = clock.GetUtcNow() };
            db.LtiScores.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                db.Entry(row).State = EntityState.Detached;
                row = await db.LtiScores.SingleAsync(s => s.LtiContextId == contextId && s.PromptId == promptId && s.UserId == userId, cancellationToken);
            }
        }
        return row;
    }
}
