using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Discussions.Threads;

// Follow, mute, or go back to hearing only of replies to you and mentions of you: for anyone who may read the thread,
// also when they may not post in it (a suspension stops posting, not reading). One statement writes the choice, so two
// clicks at once leave one row.
public sealed class ThreadSubscriptions(PlatformDbContext db, DiscussionAccess access, TenantContext tenant, TimeProvider clock)
{
    public async Task<AccessVerdict> SetAsync(Guid cohortId, Guid reflectionId, Guid userId, ThreadFollowing level, CancellationToken cancellationToken)
    {
        var read = await access.ForThreadAsync(cohortId, reflectionId, userId, cancellationToken);
        if (!read.Allowed)
        {
            return read.Verdict;
        }
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO thread_subscriptions (id, institution_id, user_id, reflection_id, level, updated_at)
            VALUES ({Guid.CreateVersion7()}, {tenant.Required.Id}, {userId}, {reflectionId}, {level.ToString()}, {clock.GetUtcNow()})
            ON CONFLICT (reflection_id, user_id) DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at
            """, cancellationToken);
        return AccessVerdict.Allowed;
    }
}
