using System.Security.Claims;
using CoSie.Platform.Web.Features.Proposals;
using Microsoft.AspNetCore.Mvc;

namespace CoSie.Platform.Web.Features.Synthesis;

// Who may open a module's synthesis in a cohort: the same people as its proposals (ProposalAccess: the cohort's members
// and the institution's admins, a published module of the cohort's course). Another institution's cohort is a 404.
public sealed class SynthesisAccess(PlatformDbContext db, ProposalAccess proposals, TimeProvider clock)
{
    public async Task<(SynthesisPlace? Place, IActionResult? Refusal)> ForAsync(Guid cohortId, Guid moduleId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (place, refusal) = await proposals.ForAsync(cohortId, moduleId, user, cancellationToken);
        return place is null
            ? (null, refusal)
            : (new SynthesisPlace(place.Cohort, place.Module, place.CourseSlug, place.UserId, place.Role, place.CanManage, place.SuspendedUntil), null);
    }

    // The same rule for a live connection, asked again on every update it sends: a membership ended or a suspension
    // begun since the join stops the next keystroke.
    public async Task<SynthesisSeat?> ForConnectionAsync(Guid synthesisId, Guid userId, CancellationToken cancellationToken)
    {
        var synthesis = await db.CohortSyntheses.AsNoTracking()
            .Where(s => s.Id == synthesisId)
            .Select(s => new { s.CohortId, s.ModuleId, s.IsHidden, s.ClosedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (synthesis is null || !await proposals.CanWatchAsync(synthesis.CohortId, synthesis.ModuleId, userId, cancellationToken))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var seat = await db.Cohorts.AsNoTracking()
            .Where(c => c.Id == synthesis.CohortId)
            .Select(c => new
            {
                Role = db.CohortMembers.Where(m => m.CohortId == c.Id && m.UserId == userId).Select(m => (CohortRole?)m.Role).FirstOrDefault(),
                Admin = db.InstitutionMemberships.Any(m => m.UserId == userId && m.Role == InstitutionRole.Admin),
                Suspended = db.CohortSuspensions.Any(s => s.CohortId == c.Id && s.UserId == userId && s.LiftedAt == null && s.From <= now && s.Until > now),
            })
            .SingleAsync(cancellationToken);
        var canManage = seat.Role == CohortRole.Instructor || seat.Admin;
        if (synthesis.IsHidden && !canManage)
        {
            return null;
        }
        var canWrite = seat.Role is CohortRole.Learner or CohortRole.Instructor && !seat.Suspended;
        return new SynthesisSeat(synthesis.CohortId, synthesis.ModuleId, canWrite, synthesis.ClosedAt is not null);
    }
}
