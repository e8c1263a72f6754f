using System.Security.Claims;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Digests;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CoSie.Platform.Web.Features.Account.Manage;

// The person's digest choice per cohort. An account spans institutions, so outside an institution the page lists the
// person's cohorts everywhere; inside one, only that institution's.
public sealed class DigestsModel(PlatformDbContext db, TenantContext tenant, TenantScopes scopes, IStringLocalizer<DigestsModel> localizer) : PageModel
{
    public IReadOnlyList<CohortChoice> Cohorts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Cohorts = await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid cohortId, DigestFrequency frequency, CancellationToken cancellationToken)
    {
        var mine = (await LoadAsync(cancellationToken)).SingleOrDefault(c => c.CohortId == cohortId);
        if (mine is null || !Enum.IsDefined(frequency))
        {
            return NotFound();
        }
        // The membership row belongs to its institution; it is changed from inside that institution only.
        await using (var scope = await scopes.EnterAsync(mine.InstitutionId, cancellationToken))
        {
            await scope.ServiceProvider.GetRequiredService<DigestPreferences>().SetAsync(cohortId, UserId, frequency, cancellationToken);
        }
        TempData["Status"] = localizer["Your digest choice for {0} is saved.", mine.CohortName].Value;
        return RedirectToPage();
    }

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private async Task<IReadOnlyList<CohortChoice>> LoadAsync(CancellationToken cancellationToken)
    {
        var userId = UserId;
        var here = tenant.Institution?.Id;
        // Across institutions on purpose, and only the signed-in person's own memberships.
        return await (
                from m in db.CohortMembers.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
                where m.UserId == userId && (here == null || m.InstitutionId == here)
                join c in db.Cohorts.IgnoreQueryFilters([PlatformDbContext.TenantFilter]) on m.CohortId equals c.Id
                join i in db.Institutions on m.InstitutionId equals i.Id
                orderby i.Name, c.Name
                select new CohortChoice(m.CohortId, m.InstitutionId, c.Name, i.Name, m.DigestFrequency))
            .AsNoTracking().ToListAsync(cancellationToken);
    }

    public sealed record CohortChoice(Guid CohortId, Guid InstitutionId, string CohortName, string InstitutionName, DigestFrequency Frequency);
}
