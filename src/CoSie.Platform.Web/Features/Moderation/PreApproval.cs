using CoSie.Platform.Web.Features.Discussions.Threads;

namespace CoSie.Platform.Web.Features.Moderation;

// Whether a new post waits in the cohort's approval queue: only learners' posts, only when the cohort asks for it,
// and with "first N posts" only until N of the learner's posts have been published. Instructors and institution
// admins are never queued.
public sealed class PreApproval(PlatformDbContext db)
{
    public async Task<bool> AppliesAsync(Guid cohortId, Viewer viewer, CancellationToken cancellationToken)
    {
        if (viewer.Role != CohortRole.Learner || viewer.IsInstitutionAdmin)
        {
            return false;
        }
        var userId = viewer.UserId;
        var options = await db.Cohorts.Where(c => c.Id == cohortId)
            .Select(c => new
            {
                c.RequireApproval,
                c.ApprovalFirstPosts,
                Published = c.ApprovalFirstPosts == 0
                    ? 0
                    : db.Reflections.Count(r => r.CohortId == cohortId && r.AuthorId == userId && r.Status != PostStatus.AwaitingApproval)
                      + db.Replies.Count(p => p.AuthorId == userId && p.Status != PostStatus.AwaitingApproval
                          && db.Reflections.Any(r => r.Id == p.ReflectionId && r.CohortId == cohortId)),
            })
            .SingleAsync(cancellationToken);
        return options.RequireApproval && (options.ApprovalFirstPosts == 0 || options.Published < options.ApprovalFirstPosts);
    }
}
