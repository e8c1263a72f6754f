using CoSie.Platform.Web.Features.Setup;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Home;

public sealed class IndexModel(PlatformDbContext db, FirstRun firstRun) : PageModel
{
    public bool SetupNeeded { get; private set; }
    public IReadOnlyList<InstitutionLink> Institutions { get; private set; } = [];
    public IReadOnlyList<InstitutionLink> PublicInstitutions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SetupNeeded = await firstRun.IsNeededAsync(cancellationToken);
        var all = await db.Institutions.AsNoTracking().OrderBy(i => i.Name)
            .Select(i => new { i.Id, i.Slug, i.Name }).ToListAsync(cancellationToken);

        if (User.AccountId() is { } userId)
        {
            // The landing page is outside any institution: this is one of the few places that lists
            // memberships across institutions, and it lists only the signed-in person's own.
            var memberships = await db.AcrossInstitutionsAsync(across => across.InstitutionMemberships
                .IgnoreQueryFilters([PlatformDbContext.TenantFilter])
                .AsNoTracking()
                .Where(m => m.UserId == userId)
                .Select(m => new { m.InstitutionId, m.Role })
                .ToListAsync(cancellationToken), cancellationToken);
            Institutions = all.Join(memberships, i => i.Id, m => m.InstitutionId, (i, m) => new InstitutionLink(i.Slug, i.Name, m.Role))
                .ToList();
        }
        PublicInstitutions = all.Where(i => Institutions.All(m => m.Slug != i.Slug))
            .Select(i => new InstitutionLink(i.Slug, i.Name, null)).ToList();
    }

    public sealed record InstitutionLink(string Slug, string Name, InstitutionRole? Role);
}
