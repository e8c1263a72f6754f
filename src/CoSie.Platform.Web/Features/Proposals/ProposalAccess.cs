using System.Security.Claims;
using CoSie.Platform.Web.Features.Cohorts;
using CoSie.Platform.Web.Features.Courses;
using Microsoft.AspNetCore.Mvc;

namespace CoSie.Platform.Web.Features.Proposals;

// Who may open a module's proposals in a cohort: the cohort's members and the institution's admins (CohortAccess),
// for a module of the cohort's course that its learners can see. Another institution's cohort is a 404 by the tenant
// filter; a module of another course is a 404 too, so nobody mixes cohorts and modules in the address.
public sealed class ProposalAccess(PlatformDbContext db, CohortAccess cohorts, CourseAccess courses, TimeProvider clock)
{
    public async Task<(ProposalPlace? Place, IActionResult? Refusal)> ForAsync(Guid cohortId, Guid moduleId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var grant = await cohorts.ToViewAsync(cohortId, user, cancellationToken);
        if (!grant.Allowed)
        {
            return (null, grant.Refusal);
        }
        var cohort = grant.Cohort;
        var module = await db.Modules.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Id == moduleId && m.CourseId == cohort.CourseId && (m.Status == ModuleStatus.Published || grant.CanManage), cancellationToken);
        if (module is null)
        {
            return (null, new NotFoundResult());
        }
        var courseSlug = await db.Courses.Where(c => c.Id == cohort.CourseId).Select(c => c.Slug).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var suspendedUntil = await db.CohortSuspensions
            .Where(s => s.CohortId == cohortId && s.UserId == grant.UserId && s.LiftedAt == null && s.From <= now && s.Until > now)
            .MaxAsync(s => (DateTimeOffset?)s.Until, cancellationToken);
        var canEditCourse = grant.CanManage && await courses.CanManageAsync(user, cancellationToken);
        return (new ProposalPlace(cohort, module, courseSlug, grant.UserId, grant.Member?.Role, grant.CanManage, canEditCourse, suspendedUntil), null);
    }

    // The same rule for a live connection, which has no request of its own: a member of the cohort or an admin of the
    // institution, and a module of the cohort's course that is published (or the person runs the cohort).
    public async Task<bool> CanWatchAsync(Guid cohortId, Guid moduleId, Guid userId, CancellationToken cancellationToken)
    {
        var seat = await (
            from c in db.Cohorts.AsNoTracking()
            where c.Id == cohortId
            join m in db.Modules on c.CourseId equals m.CourseId
            where m.Id == moduleId
            select new
            {
                Published = m.Status == ModuleStatus.Published,
                Role = db.CohortMembers.Where(cm => cm.CohortId == c.Id && cm.UserId == userId).Select(cm => (CohortRole?)cm.Role).FirstOrDefault(),
                Admin = db.InstitutionMemberships.Any(im => im.UserId == userId && im.Role == InstitutionRole.Admin),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (seat is null || (seat.Role is null && !seat.Admin))
        {
            return false;
        }
        return seat.Published || seat.Role == CohortRole.Instructor || seat.Admin;
    }
}
