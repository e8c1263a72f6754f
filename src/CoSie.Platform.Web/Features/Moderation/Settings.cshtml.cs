using System.ComponentModel.DataAnnotations;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Moderation;

// The institution admin's moderation settings: how many members' flags hide a post until review.
[Authorize(Policy = PlatformPolicies.InstitutionAdmin)]
public sealed class SettingsModel(PlatformDbContext db, TenantContext tenant, IStringLocalizer<SettingsModel> localizer) : PageModel
{
    [BindProperty]
    [Display(Name = "Flags from this many members hide a post until a moderator reviews it")]
    [Range(1, 100)]
    public int FlagThreshold { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var id = tenant.Required.Id;
        FlagThreshold = await db.Institutions.Where(i => i.Id == id).Select(i => i.FlagThreshold).SingleAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var id = tenant.Required.Id;
        var threshold = FlagThreshold;
        await db.Institutions.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.FlagThreshold, threshold), cancellationToken);
        TempData["Status"] = localizer["Moderation settings saved."].Value;
        return RedirectToPage();
    }
}
