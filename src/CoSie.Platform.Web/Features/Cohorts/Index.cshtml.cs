using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Cohorts;

[Authorize(Policy = PlatformPolicies.InstitutionMember)]
public sealed class IndexModel(PlatformDbContext db, CurrentMembership membership) : PageModel
{
    public IReadOnlyList<CohortRow> Taking { get; private set; } = [];
    public IReadOnlyList<CohortRow> Managing { get; private set; } = [];
    public bool IsStaff { get; private set; }
    public bool IsAdmin { get; private set; }
    public bool ShowsManaging => IsStaff || Managing.Count > 0;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = (await membership.GetAsync(User, cancellationToken))!;
        IsStaff = me.Grants(InstitutionRole.Instructor);
        IsAdmin = me.Grants(InstitutionRole.Admin);

        var rows = await (
            from cohort in db.Cohorts
            join course in db.Courses on cohort.CourseId equals course.Id
            let mine = db.CohortMembers.Where(m => m.CohortId == cohort.Id && m.UserId == me.UserId).Select(m => (CohortRole?)m.Role).FirstOrDefault()
            where mine != null || IsAdmin
            orderby cohort.StartsOn descending, cohort.Name
            select new CohortRow(
                cohort.Id, cohort.Name, course.Title, cohort.StartsOn, cohort.EndsOn, mine,
                db.CohortMembers.Count(m => m.CohortId == cohort.Id)))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        // Instructors of a cohort and institution admins run it; everyone else takes part in it.
        Managing = [.. rows.Where(r => r.MyRole == CohortRole.Instructor || IsAdmin)];
        Taking = [.. rows.Where(r => r.MyRole is CohortRole.Learner or CohortRole.Observer)];
    }

    public sealed record CohortRow(Guid Id, string Name, string CourseTitle, DateOnly StartsOn, DateOnly? EndsOn, CohortRole? MyRole, int Members);
}
