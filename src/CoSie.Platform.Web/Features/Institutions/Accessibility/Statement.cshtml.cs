using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Institutions.Accessibility;

// The institution's accessibility statement, open to everyone (the law asks for it to be reachable from every page).
[AllowAnonymous]
public sealed class StatementModel(PlatformDbContext db, TenantContext tenant, CurrentMembership membership) : PageModel
{
    public AccessibilityStatement Statement { get; private set; } = new();
    public string InstitutionName => tenant.Required.Name;
    public string Address { get; private set; } = "";
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var id = tenant.Required.Id;
        Statement = await db.Institutions.AsNoTracking().Where(i => i.Id == id).Select(i => i.Accessibility).SingleAsync(cancellationToken);
        Address = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        CanEdit = (await membership.GetAsync(User, cancellationToken))?.Grants(InstitutionRole.Admin) == true;
    }
}
