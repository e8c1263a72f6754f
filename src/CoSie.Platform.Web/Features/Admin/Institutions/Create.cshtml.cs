using CoSie.Platform.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoSie.Platform.Web.Features.Admin.Institutions;

public sealed class CreateModel(
    PlatformDbContext db,
    InstitutionSettingsCheck check,
    TimeProvider clock,
    IStringLocalizer<CreateModel> localizer) : PageModel
{
    [BindProperty]
    public InstitutionInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> TimeZones => TimeZoneChoices.Grouped(localizer, clock.GetUtcNow());
    public IReadOnlyList<SelectListItem> Cultures { get; } = InstitutionChoices.Cultures();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await check.LockAsync(cancellationToken);
        var settings = await check.CheckAsync(
            null, Input.Slug, Input.Name, Input.HostNames, Input.TimeZoneId, Input.DefaultCulture, ModelState, nameof(Input), cancellationToken);
        if (settings is null)
        {
            return Page();
        }

        var institution = new Institution { Slug = settings.Slug, Name = settings.Name, CreatedAt = clock.GetUtcNow() };
        settings.ApplyTo(institution);
        db.Institutions.Add(institution);
        if (!await check.CommitAsync(transaction, settings.Slug, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }
        TempData["Status"] = localizer["Created {institution}. It answers at /{slug}.", institution.Name, institution.Slug].Value;
        return LocalRedirect("/admin/institutions");
    }
}
