using CoSie.Platform.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoSie.Platform.Web.Features.Admin.Institutions;

public sealed class EditModel(
    PlatformDbContext db,
    InstitutionSettingsCheck check,
    TimeProvider clock,
    IStringLocalizer<EditModel> localizer) : PageModel
{
    [BindProperty]
    public InstitutionInput Input { get; set; } = new();

    public string CurrentName { get; private set; } = string.Empty;
    public string CurrentSlug { get; private set; } = string.Empty;
    public IReadOnlyList<SelectListItem> TimeZones => TimeZoneChoices.Grouped(localizer, clock.GetUtcNow());
    public IReadOnlyList<SelectListItem> Cultures { get; } = InstitutionChoices.Cultures();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (institution is null)
        {
            return NotFound();
        }
        (CurrentName, CurrentSlug) = (institution.Name, institution.Slug);
        Input = new InstitutionInput
        {
            Slug = institution.Slug,
            Name = institution.Name,
            HostNames = string.Join('\n', institution.HostNames),
            TimeZoneId = institution.TimeZoneId,
            DefaultCulture = institution.DefaultCulture,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await check.LockAsync(cancellationToken);
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (institution is null)
        {
            return NotFound();
        }
        (CurrentName, CurrentSlug) = (institution.Name, institution.Slug);

        var settings = await check.CheckAsync(
            id, Input.Slug, Input.Name, Input.HostNames, Input.TimeZoneId, Input.DefaultCulture, ModelState, nameof(Input), cancellationToken);
        if (settings is null)
        {
            return Page();
        }

        var movedFrom = institution.Slug != settings.Slug ? institution.Slug : null;
        settings.ApplyTo(institution);
        if (!await check.CommitAsync(transaction, settings.Slug, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }
        TempData["Status"] = movedFrom is null
            ? localizer["Saved {institution}.", institution.Name].Value
            : localizer["Saved {institution}. It moved from /{previous} to /{slug}; links to the old address no longer work.", institution.Name, movedFrom, institution.Slug].Value;
        return LocalRedirect("/admin/institutions");
    }
}
