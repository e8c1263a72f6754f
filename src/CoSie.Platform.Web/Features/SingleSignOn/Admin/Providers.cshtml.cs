using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.SingleSignOn.Admin;

// The institution admin's list of providers, and whether local passwords remain allowed.
[Authorize(Policy = PlatformPolicies.InstitutionAdmin)]
public sealed class ProvidersModel(
    PlatformDbContext db, TenantContext tenant, InstitutionDirectory directory, IStringLocalizer<ProvidersModel> localizer) : PageModel
{
    public IReadOnlyList<SignInProvider> Providers { get; private set; } = [];

    [BindProperty]
    public bool AllowLocalPasswords { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Providers = await db.SignInProviders.AsNoTracking().OrderBy(p => p.DisplayName).ToListAsync(cancellationToken);
        AllowLocalPasswords = tenant.Required.AllowsLocalPasswords;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var id = tenant.Required.Id;
        Providers = await db.SignInProviders.AsNoTracking().OrderBy(p => p.DisplayName).ToListAsync(cancellationToken);
        // Switching passwords off with no provider to sign in through would lock everyone out, the admin too.
        if (!AllowLocalPasswords && !Providers.Any(p => p.IsEnabled))
        {
            ModelState.AddModelError(string.Empty, localizer["Switch a provider on first: without passwords and without a provider, nobody could sign in here."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var allow = AllowLocalPasswords;
        await db.Institutions.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.AllowLocalPasswords, allow), cancellationToken);
        directory.Invalidate();
        TempData["Status"] = localizer["Sign-in settings saved."].Value;
        return RedirectToPage();
    }
}
