using CoSie.Platform.Web.Features.Discussions.Outbox;
using CoSie.Platform.Web.Tenancy;
using Hangfire;

namespace CoSie.Platform.Web.Features.Lti.Services;

// A member's new reflection or reply may change their participation score on its prompt: for cohorts linked to an
// LMS course, the score is marked pending and a job sends it (never within the request that posted).
public sealed class GradeOnPublish(PlatformDbContext db, PublishScore scores, TenantContext tenant, IBackgroundJobClient jobs) : IPostPublishedListener
{
    public async Task PublishedAsync(IReadOnlyList<PublishedPost> posts, CancellationToken cancellationToken)
    {
        var threadIds = posts.Select(p => p.ReflectionId).Distinct().ToList();
        var threads = await db.Reflections.AsNoTracking().Where(r => threadIds.Contains(r.Id))
            .Select(r => new { r.Id, r.CohortId, r.PromptId }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var cohortIds = threads.Values.Select(t => t.CohortId).Distinct().ToList();
        var linked = await db.LtiContexts.AsNoTracking().Where(c => cohortIds.Contains(c.CohortId) && (c.LineItemsUrl != null || c.GradeScopes.Count > 0))
            .Select(c => c.CohortId).Distinct().ToListAsync(cancellationToken);
        var institutionId = tenant.Required.Id;
        foreach (var (cohortId, promptId, userId) in posts
            .Where(p => threads.ContainsKey(p.ReflectionId) && linked.Contains(threads[p.ReflectionId].CohortId))
            .Select(p => (threads[p.ReflectionId].CohortId, threads[p.ReflectionId].PromptId, p.AuthorId)).Distinct())
        {
            await scores.MarkPendingAsync(cohortId, promptId, userId, cancellationToken);
            jobs.Enqueue<PublishScoreJob>(job => job.PublishAsync(institutionId, cohortId, promptId, userId, CancellationToken.None));
        }
    }
}
