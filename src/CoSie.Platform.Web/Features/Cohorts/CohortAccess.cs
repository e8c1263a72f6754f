using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace CoSie.Platform.Web.Features.Cohorts;

// Who may see and who may manage one cohort, decided in one place for every cohort page.
// Managing means being an instructor member of the cohort or an admin of the institution. A cohort of another
// institution is invisible through the tenant filter, so it is a 404 like a cohort that does not exist.
public sealed class CohortAccess(PlatformDbContext db, CurrentMembership membership)
{
    public Task<CohortGrant> ToViewAsync(Guid cohortId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        CheckAsync(cohortId, user, manage: false, cancellationToken);

    public Task<CohortGrant> ToManageAsync(Guid cohortId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        CheckAsync(cohortId, user, manage: true, cancellationToken);

    private async Task<CohortGrant> CheckAsync(Guid cohortId, ClaimsPrincipal user, bool manage, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.SingleOrDefaultAsync(c => c.Id == cohortId, cancellationToken);
        var institutionMember = await membership.GetAsync(user, cancellationToken);
        if (cohort is null || institutionMember is null)
        {
            return CohortGrant.Refused(new NotFoundResult());
        }
        var userId = institutionMember.UserId;
        var member = await db.CohortMembers.SingleOrDefaultAsync(m => m.CohortId == cohortId && m.UserId == userId, cancellationToken);
        var canManage = member?.Role == CohortRole.Instructor || institutionMember.Grants(InstitutionRole.Admin);
        var allowed = manage ? canManage : canManage || member is not null;
        return allowed
            ? CohortGrant.For(cohort, member, userId, canManage)
            : CohortGrant.Refused(new StatusCodeResult(StatusCodes.Status403Forbidden));
    }
}
