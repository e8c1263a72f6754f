using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Institutions.Accessibility;

// The institution admin writes the institution's accessibility statement; it is published once it has a preparation date.
[Authorize(Policy = PlatformPolicies.InstitutionAdmin)]
public sealed class EditStatementModel(PlatformDbContext db, TenantContext tenant, TimeProvider clock, IStringLocalizer<EditStatementModel> localizer)
    : PageModel
{
    [BindProperty]
    public StatementInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var id = tenant.Required.Id;
        Input = StatementInput.From(await db.Institutions.AsNoTracking().Where(i => i.Id == id).Select(i => i.Accessibility).SingleAsync(cancellationToken));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var zone = ReaderTimeZone.Of(personZoneId: null, tenant.Required.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        if (!Enum.IsDefined(Input.Compliance) || !Enum.IsDefined(Input.Assessment))
        {
            ModelState.AddModelError(string.Empty, localizer["Choose one of the options given."]);
        }
        if (Input.PreparedOn > today)
        {
            ModelState.AddModelError("Input.PreparedOn", localizer["The statement cannot be prepared on a date still to come."]);
        }
        if (Input.ReviewedOn is { } reviewed && (reviewed > today || reviewed < Input.PreparedOn))
        {
            ModelState.AddModelError("Input.ReviewedOn", localizer["The review date must fall between the preparation date and today."]);
        }
        var url = Input.EnforcementUrl?.Trim();
        if (!string.IsNullOrEmpty(url) && !(Uri.TryCreate(url, UriKind.Absolute, out var address) && address.Scheme is "https" or "http"))
        {
            ModelState.AddModelError("Input.EnforcementUrl", localizer["Enter a web address that starts with https://."]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var statement = new AccessibilityStatement
        {
            Compliance = Input.Compliance,
            NonAccessibleContent = string.IsNullOrWhiteSpace(Input.NonAccessibleContent) ? null : Input.NonAccessibleContent.Trim(),
            Assessment = Input.Assessment,
            PreparedOn = Input.PreparedOn,
            ReviewedOn = Input.ReviewedOn,
            ContactEmail = Input.ContactEmail!.Trim(),
            EnforcementBody = Input.EnforcementBody!.Trim(),
            EnforcementUrl = string.IsNullOrEmpty(url) ? null : url,
        };
        var id = tenant.Required.Id;
        var institution = await db.Institutions.SingleAsync(i => i.Id == id, cancellationToken);
        institution.Accessibility = statement;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = localizer["Accessibility statement published."].Value;
        return RedirectToPage("Statement");
    }
}
