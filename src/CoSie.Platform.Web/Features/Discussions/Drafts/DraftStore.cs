using CoSie.Platform.Web.Features.Discussions.Posts;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Discussions.Drafts;

// A person's unfinished reflection on a prompt, or reply in a thread, kept on the server while they write: saved as
// they type (or with "Save draft" without JavaScript), restored when they come back, removed once posted. Saving
// asks exactly what posting there asks (a participant, not suspended, and for a reflection, none written yet), so a
// draft never exists where its author could not post it.
public sealed class DraftStore(PlatformDbContext db, DiscussionAccess access, TenantContext tenant, TimeProvider clock)
{
    private const WriteNeeds Needs = WriteNeeds.Participation | WriteNeeds.NoSuspension;

    public async Task<DraftOutcome> SaveReflectionAsync(Guid cohortId, Guid promptId, Guid userId, string? body, CancellationToken cancellationToken)
    {
        var place = await access.ForPromptAsync(cohortId, promptId, userId, cancellationToken);
        if (place.RefusesWrite(Needs, out var refused))
        {
            return Refusal(refused);
        }
        if (place.OwnReflectionId is not null)
        {
            return DraftOutcome.Forbidden;
        }
        return await StoreAsync(cohortId, DraftKind.Reflection, promptId, userId, body, cancellationToken);
    }

    public async Task<DraftOutcome> SaveReplyAsync(Guid cohortId, Guid reflectionId, Guid userId, string? body, CancellationToken cancellationToken)
    {
        var thread = await access.ForThreadAsync(cohortId, reflectionId, userId, cancellationToken);
        if (thread.RefusesWrite(Needs, out var refused))
        {
            return Refusal(refused);
        }
        return await StoreAsync(cohortId, DraftKind.Reply, reflectionId, userId, body, cancellationToken);
    }

    public Task RemoveAsync(Guid userId, DraftKind kind, Guid targetId, CancellationToken cancellationToken) =>
        db.Drafts.Where(d => d.UserId == userId && d.Kind == kind && d.TargetId == targetId).ExecuteDeleteAsync(cancellationToken);

    private static DraftOutcome Refusal(PostResult refused) =>
        refused.Outcome == DiscussionOutcome.NotFound ? DraftOutcome.NotFound : DraftOutcome.Forbidden;

    private async Task<DraftOutcome> StoreAsync(Guid cohortId, DraftKind kind, Guid targetId, Guid userId, string? body, CancellationToken cancellationToken)
    {
        var text = body ?? string.Empty;
        if (text.Length > Reflection.MaxBodyLength)
        {
            return DraftOutcome.TooLong;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            await RemoveAsync(userId, kind, targetId, cancellationToken);
            return DraftOutcome.Removed;
        }
        // One statement, whichever of two tabs saves first: the later text wins.
        var institutionId = tenant.Required.Id;
        var kindValue = (int)kind;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO drafts (id, institution_id, user_id, cohort_id, kind, target_id, body, updated_at)
            VALUES ({Guid.CreateVersion7()}, {institutionId}, {userId}, {cohortId}, {kindValue}, {targetId}, {text}, {clock.GetUtcNow()})
            ON CONFLICT (user_id, kind, target_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at
            """, cancellationToken);
        return DraftOutcome.Saved;
    }
}
