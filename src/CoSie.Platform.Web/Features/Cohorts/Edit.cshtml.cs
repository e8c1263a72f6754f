using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Cohorts;

[Authorize(Policy = PlatformPolicies.InstitutionMember)]
public sealed class EditModel(PlatformDbContext db, CohortAccess access, IStringLocalizer<EditModel> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid CohortId { get; private set; }
    public string CohortName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        (CohortId, CohortName) = (grant.Cohort.Id, grant.Cohort.Name);
        Input.CopyFrom(grant.Cohort);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid id, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        (CohortId, CohortName) = (grant.Cohort.Id, grant.Cohort.Name);
        if (Input.EndsBeforeStart)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.EndsOn)}", localizer["The end date cannot be before the start date."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Input.ApplyTo(grant.Cohort);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = localizer["Settings saved."].Value;
        return RedirectToPage("Overview", new { id });
    }

    public sealed class InputModel : CohortSettingsInput;
}
