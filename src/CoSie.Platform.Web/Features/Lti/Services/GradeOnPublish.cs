using CoSie.Platform.Web.Features.Discussions.Outbox;

namespace CoSie.Platform.Web.Features.Lti.Services;

// A member's new reflection or reply may change their participation score on its prompt: for cohorts linked to an
// LMS course, the score is marked pending and PublishPendingScoresJob sends it (never within the request that posted).
// Why no job is queued here: this runs inside the outbox delivery's transaction, and a job queued now could run before
// that commits (finding no pending score, so sending nothing) or after it rolled back (sending for a delivery that did
// not happen). The pending mark commits or rolls back with the delivery, and the sweep sends only committed marks.
// A post approved, hidden, restored or deleted afterwards changes the score the same way, by the same marks.
public sealed class GradeOnPublish(PlatformDbContext db, PublishScore scores) : IPostPublishedListener, IPostStatusListener
{
    public Task StatusChangedAsync(PublishedPost post, CancellationToken cancellationToken) => PublishedAsync([post], cancellationToken);

    public async Task PublishedAsync(IReadOnlyList<PublishedPost> posts, CancellationToken cancellationToken)
    {
        var threadIds = posts.Select(p => p.ReflectionId).Distinct().ToList();
        var threads = await db.Reflections.AsNoTracking().Where(r => threadIds.Contains(r.Id))
            .Select(r => new { r.Id, r.CohortId, r.PromptId }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var cohortIds = threads.Values.Select(t => t.CohortId).Distinct().ToList();
        var linked = await db.LtiContexts.AsNoTracking().Where(c => cohortIds.Contains(c.CohortId) && (c.LineItemsUrl != null || c.GradeScopes.Count > 0))
            .Select(c => c.CohortId).Distinct().ToListAsync(cancellationToken);
        foreach (var (cohortId, promptId, userId) in posts
            .Where(p => threads.ContainsKey(p.ReflectionId) && linked.Contains(threads[p.ReflectionId].CohortId))
            .Select(p => (threads[p.ReflectionId].CohortId, threads[p.ReflectionId].PromptId, p.AuthorId)).Distinct())
        {
            await scores.MarkPendingAsync(cohortId, promptId, userId, cancellationToken);
        }
    }
}
