using System.ComponentModel.DataAnnotations;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Research;

// The institution admin writes what members agree to when they let their posts be used for research. Emptying it
// stops new consent and research exports; consent already given stays recorded.
[Authorize(Policy = PlatformPolicies.InstitutionAdmin)]
public sealed class ConsentTextModel(PlatformDbContext db, TenantContext tenant, IStringLocalizer<ConsentTextModel> localizer) : PageModel
{
    [BindProperty]
    public ConsentTextInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var id = tenant.Required.Id;
        Input.Text = await db.Institutions.AsNoTracking().Where(i => i.Id == id).Select(i => i.ResearchConsentText).SingleAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var id = tenant.Required.Id;
        var text = string.IsNullOrWhiteSpace(Input.Text) ? null : Input.Text.Trim();
        await db.Institutions.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ResearchConsentText, text), cancellationToken);
        TempData["Status"] = text is null
            ? localizer["The research consent text is removed. Members cannot give consent and cohorts cannot be exported for research."].Value
            : localizer["The research consent text is saved."].Value;
        return RedirectToPage();
    }

    public sealed class ConsentTextInput
    {
        [DataType(DataType.MultilineText)]
        [StringLength(Institution.MaxResearchConsentTextLength, ErrorMessage = "Keep the consent text under 4,000 characters.")]
        public string? Text { get; set; }
    }
}
