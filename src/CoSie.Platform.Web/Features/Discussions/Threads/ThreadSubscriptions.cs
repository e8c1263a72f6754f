using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Discussions.Threads;

// Follow, mute, or go back to hearing only of replies to you and mentions of you: for anyone who may read the thread,
// also when they may not post in it (a suspension stops posting, not reading). One statement writes the choice, so two
// clicks at once leave one row.
public sealed class ThreadSubscriptions(PlatformDbContext db, DiscussionAccess access, TenantContext tenant, TimeProvider clock)
{
    // The thread is judged before the choice, so that someone who may not see it learns nothing from a bad choice.
    public async Task<FollowOutcome> SetAsync(Guid cohortId, Guid reflectionId, Guid userId, string? choice, CancellationToken cancellationToken)
    {
        var read = await access.ForThreadAsync(cohortId, reflectionId, userId, cancellationToken);
        if (!read.Allowed)
        {
            return read.Verdict == AccessVerdict.NotFound ? FollowOutcome.NotFound : FollowOutcome.Forbidden;
        }
        // Names only: Enum.TryParse would also take "2" or "Following, Muted".
        if (Enum.GetValues<ThreadFollowing>().Where(l => l.ToString() == choice).Select(l => (ThreadFollowing?)l).FirstOrDefault() is not { } level)
        {
            return FollowOutcome.Invalid;
        }
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO thread_subscriptions (id, institution_id, user_id, reflection_id, level, updated_at)
            VALUES ({Guid.CreateVersion7()}, {tenant.Required.Id}, {userId}, {reflectionId}, {level.ToString()}, {clock.GetUtcNow()})
            ON CONFLICT (reflection_id, user_id) DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at
            """, cancellationToken);
        return FollowOutcome.Done;
    }
}
