using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace CoSie.Platform.Web.Features.Admin.Institutions;

public sealed class EditModel(
    PlatformDbContext db,
    InstitutionSettingsCheck check,
    InstitutionDirectory directory,
    IStringLocalizer<EditModel> localizer) : PageModel
{
    [BindProperty]
    public InstitutionInput Input { get; set; } = new();

    public string CurrentName { get; private set; } = string.Empty;
    public string CurrentSlug { get; private set; } = string.Empty;
    public IReadOnlyList<SelectListItem> TimeZones { get; } = InstitutionChoices.TimeZones();
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
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Only a slug written outside these pages (which hold the lock) can get here.
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Slug)}", localizer["Another institution already uses the slug “{0}”.", settings.Slug]);
            return Page();
        }

        // Requests resolve institutions from a short-lived cache; a new slug or host name must answer at once.
        directory.Invalidate();
        TempData["Status"] = movedFrom is null
            ? localizer["Saved {0}.", institution.Name].Value
            : localizer["Saved {0}. It moved from /{1} to /{2}; links to the old address no longer work.", institution.Name, movedFrom, institution.Slug].Value;
        return LocalRedirect("/admin/institutions");
    }
}
