using System.Security.Claims;
using CoSie.Platform.Web.Features.Cohorts;

namespace CoSie.Platform.Web.Features.Moderation;

// A cohort's moderator ends a suspension before its time.
public sealed class LiftSuspension(PlatformDbContext db, CohortAccess cohorts, TimeProvider clock)
{
    public async Task<ModerationResult> ExecuteAsync(
        Guid cohortId, Guid suspensionId, string? reason, ClaimsPrincipal moderator, CancellationToken cancellationToken)
    {
        var grant = await cohorts.ToManageAsync(cohortId, moderator, cancellationToken);
        if (!grant.Allowed)
        {
            return ModerationResult.Refused(SuspendMember.Refusal(grant.Refusal));
        }
        if (PostModeration.CheckReason(reason, required: false, out var text) is var check && check != ModerationOutcome.Done)
        {
            return ModerationResult.Refused(check);
        }
        var suspension = await db.CohortSuspensions.SingleOrDefaultAsync(s => s.Id == suspensionId && s.CohortId == cohortId, cancellationToken);
        if (suspension is null)
        {
            return ModerationResult.Refused(ModerationOutcome.NotFound);
        }
        var now = clock.GetUtcNow();
        if (!suspension.IsInForce(now))
        {
            return new ModerationResult(ModerationOutcome.NoChange);
        }
        suspension.LiftedAt = now;
        suspension.LiftedById = grant.UserId;
        db.ModerationActions.Add(new ModerationAction
        {
            CohortId = cohortId,
            ModeratorId = grant.UserId,
            Kind = ModerationActionKind.LiftSuspension,
            SubjectUserId = suspension.UserId,
            Reason = text,
            At = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return ModerationResult.Done;
    }
}
