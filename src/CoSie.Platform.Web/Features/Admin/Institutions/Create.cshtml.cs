using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace CoSie.Platform.Web.Features.Admin.Institutions;

public sealed class CreateModel(
    PlatformDbContext db,
    InstitutionSettingsCheck check,
    InstitutionDirectory directory,
    TimeProvider clock,
    IStringLocalizer<CreateModel> localizer) : PageModel
{
    [BindProperty]
    public InstitutionInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> TimeZones { get; } = InstitutionChoices.TimeZones();
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
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Only a slug written outside this page (which holds the lock) can get here.
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Slug)}", localizer["Another institution already uses the slug “{0}”.", settings.Slug]);
            return Page();
        }

        // Requests resolve institutions from a short-lived cache; the new one must answer at once.
        directory.Invalidate();
        TempData["Status"] = localizer["Created {0}. It answers at /{1}.", institution.Name, institution.Slug].Value;
        return LocalRedirect("/admin/institutions");
    }
}
