using System.ComponentModel.DataAnnotations;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Tenancy;
using CoSie.Platform.Web.Web;
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
    public InputModel Input { get; set; } = new();

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

    public sealed class InputModel
    {
        // SlugRules says what a slug may be; the page checks it with the other rules.
        [Display(Name = "Slug")]
        public string? Slug { get; set; }

        [Required(ErrorMessage = "Enter the institution's name.")]
        [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [StringLength(6000, ErrorMessage = "Use at most {1} characters.")]
        [Display(Name = "Host names")]
        public string? HostNames { get; set; }

        [Required(ErrorMessage = "Choose a time zone from the list.")]
        [Display(Name = "Time zone")]
        public string? TimeZoneId { get; set; } = InstitutionChoices.DefaultTimeZoneId;

        [Required(ErrorMessage = "Choose a language from the list.")]
        [Display(Name = "Default language")]
        public string? DefaultCulture { get; set; } = PlatformCultures.Default;
    }
}
