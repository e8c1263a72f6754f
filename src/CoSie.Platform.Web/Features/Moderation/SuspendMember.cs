using System.Security.Claims;
using CoSie.Platform.Web.Features.Cohorts;
using Microsoft.AspNetCore.Mvc;

namespace CoSie.Platform.Web.Features.Moderation;

// A cohort's moderator stops a learner or observer from posting, replying, editing and flagging in the cohort until a
// moment; they keep reading. Instructors are not suspended: a cohort's instructors are its moderators.
public sealed class SuspendMember(PlatformDbContext db, CohortAccess cohorts, TimeProvider clock)
{
    public async Task<ModerationResult> ExecuteAsync(
        Guid cohortId, Guid userId, DateTimeOffset until, string? reason, ClaimsPrincipal moderator, CancellationToken cancellationToken)
    {
        var grant = await cohorts.ToManageAsync(cohortId, moderator, cancellationToken);
        if (!grant.Allowed)
        {
            return ModerationResult.Refused(Refusal(grant.Refusal));
        }
        if (PostModeration.CheckReason(reason, required: true, out var text) is var check && check != ModerationOutcome.Done)
        {
            return ModerationResult.Refused(check);
        }
        var now = clock.GetUtcNow();
        var role = await db.CohortMembers.Where(m => m.CohortId == cohortId && m.UserId == userId).Select(m => (CohortRole?)m.Role).SingleOrDefaultAsync(cancellationToken);
        if (role is null or CohortRole.Instructor || until <= now)
        {
            return ModerationResult.Refused(ModerationOutcome.Invalid);
        }
        db.CohortSuspensions.Add(new CohortSuspension
        {
            CohortId = cohortId,
            UserId = userId,
            From = now,
            // PostgreSQL stores instants in UTC; Npgsql refuses any other offset.
            Until = until.ToUniversalTime(),
            Reason = text,
            SuspendedById = grant.UserId,
        });
        db.ModerationActions.Add(new ModerationAction
        {
            CohortId = cohortId,
            ModeratorId = grant.UserId,
            Kind = ModerationActionKind.Suspend,
            SubjectUserId = userId,
            Reason = text,
            At = now,
        });
        // REVIEW: the member learns of it from the posting forms (which give the end date), not from a notification:
        // notifications point at a post, and a suspension concerns none.
        await db.SaveChangesAsync(cancellationToken);
        return ModerationResult.Done;
    }

    internal static ModerationOutcome Refusal(IActionResult refusal) =>
        refusal is NotFoundResult ? ModerationOutcome.NotFound : ModerationOutcome.Forbidden;
}
