using System.ComponentModel.DataAnnotations;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Admin.Institutions;

// The confirmation step of removing an admin: GET asks, POST does it.
public sealed class RemoveAdminModel(
    PlatformDbContext db,
    TenantScopes tenantScopes,
    IStringLocalizer<RemoveAdminModel> localizer) : PageModel
{
    public const string KeepAsInstructor = "instructor";
    public const string KeepAsLearner = "learner";
    public const string RemoveMembership = "remove";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid InstitutionId { get; private set; }
    public string InstitutionName { get; private set; } = string.Empty;
    public string PersonName { get; private set; } = string.Empty;
    public string PersonEmail { get; private set; } = string.Empty;
    public bool IsLastAdmin { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid userId, CancellationToken cancellationToken)
    {
        if (!await FindInstitutionAsync(id, cancellationToken))
        {
            return NotFound();
        }
        // Memberships belong to the institution, so they are read and written from inside it.
        await using var scope = await tenantScopes.EnterAsync(id, cancellationToken);
        var tenantDb = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await LoadAdminAsync(tenantDb, userId, cancellationToken) is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid id, [FromRoute] Guid userId, CancellationToken cancellationToken)
    {
        if (!await FindInstitutionAsync(id, cancellationToken))
        {
            return NotFound();
        }
        // Memberships belong to the institution, so they are read and written from inside it.
        await using var scope = await tenantScopes.EnterAsync(id, cancellationToken);
        var tenantDb = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var membership = await LoadAdminAsync(tenantDb, userId, cancellationToken);
        if (membership is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        string status;
        switch (Input.Then)
        {
            case KeepAsInstructor:
                membership.Role = InstitutionRole.Instructor;
                status = localizer["{name} is no longer an admin of {institution}, and stays an instructor there.", PersonName, InstitutionName];
                break;
            case KeepAsLearner:
                membership.Role = InstitutionRole.Learner;
                status = localizer["{name} is no longer an admin of {institution}, and stays a learner there.", PersonName, InstitutionName];
                break;
            default:
                tenantDb.InstitutionMemberships.Remove(membership);
                status = localizer["{name} is no longer an admin or member of {institution}.", PersonName, InstitutionName];
                break;
        }
        await tenantDb.SaveChangesAsync(cancellationToken);

        TempData["Status"] = status;
        return LocalRedirect($"/admin/institutions/{id}/admins");
    }

    private async Task<bool> FindInstitutionAsync(Guid id, CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.AsNoTracking()
            .Where(i => i.Id == id).Select(i => new { i.Id, i.Name }).SingleOrDefaultAsync(cancellationToken);
        if (institution is null)
        {
            return false;
        }
        (InstitutionId, InstitutionName) = (institution.Id, institution.Name);
        return true;
    }

    private async Task<InstitutionMembership?> LoadAdminAsync(PlatformDbContext tenantDb, Guid userId, CancellationToken cancellationToken)
    {
        var found = await tenantDb.InstitutionMemberships
            .Where(m => m.UserId == userId && m.Role == InstitutionRole.Admin)
            .Join(tenantDb.Users, m => m.UserId, u => u.Id, (m, u) => new { Membership = m, u.DisplayName, u.Email })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        (PersonName, PersonEmail) = (found.DisplayName, found.Email ?? string.Empty);
        IsLastAdmin = !await tenantDb.InstitutionMemberships.AnyAsync(m => m.Role == InstitutionRole.Admin && m.UserId != userId, cancellationToken);
        return found.Membership;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose what happens to their membership.")]
        [RegularExpression($"^({KeepAsInstructor}|{KeepAsLearner}|{RemoveMembership})$", ErrorMessage = "Choose what happens to their membership.")]
        public string? Then { get; set; } = KeepAsInstructor;
    }
}
