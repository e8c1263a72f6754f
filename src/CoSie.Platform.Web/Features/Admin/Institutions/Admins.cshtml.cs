using System.ComponentModel.DataAnnotations;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Admin.Institutions;

public sealed class AdminsModel(
    PlatformDbContext db,
    TenantScopes tenantScopes,
    UserManager<PlatformUser> users,
    TimeProvider clock,
    IStringLocalizer<AdminsModel> localizer) : PageModel
{
    [BindProperty]
    public AppointInput Input { get; set; } = new();

    public Guid InstitutionId { get; private set; }
    public string InstitutionName { get; private set; } = string.Empty;
    public IReadOnlyList<AdminRow> Admins { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email!.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Appointing is for people who have an account already; inviting strangers is not this page's job.
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}",
                localizer["No account uses {email}. Ask the person to create an account first, then appoint them here.", email]);
            return Page();
        }
        if (user.IsDisabled)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}", localizer["The account {email} is disabled.", email]);
            return Page();
        }

        // Memberships belong to the institution: the write happens inside it, where the interceptor can check it.
        await using (var scope = await tenantScopes.EnterAsync(id, cancellationToken))
        {
            var tenantDb = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var membership = await tenantDb.InstitutionMemberships.SingleOrDefaultAsync(m => m.UserId == user.Id, cancellationToken);
            if (membership is { Role: InstitutionRole.Admin })
            {
                TempData["Status"] = localizer["{name} is already an admin of {institution}.", Name(user), InstitutionName].Value;
                return LocalRedirect($"/admin/institutions/{id}/admins");
            }
            if (membership is null)
            {
                tenantDb.InstitutionMemberships.Add(new InstitutionMembership { UserId = user.Id, Role = InstitutionRole.Admin, CreatedAt = clock.GetUtcNow() });
            }
            else
            {
                // Someone who teaches or learns here keeps their history; only the role grows.
                membership.Role = InstitutionRole.Admin;
            }
            await tenantDb.SaveChangesAsync(cancellationToken);
        }

        TempData["Status"] = localizer["{name} is now an admin of {institution}.", Name(user), InstitutionName].Value;
        return LocalRedirect($"/admin/institutions/{id}/admins");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.AsNoTracking()
            .Where(i => i.Id == id).Select(i => new { i.Id, i.Name }).SingleOrDefaultAsync(cancellationToken);
        if (institution is null)
        {
            return false;
        }
        (InstitutionId, InstitutionName) = (institution.Id, institution.Name);

        await using var scope = await tenantScopes.EnterAsync(id, cancellationToken);
        var tenantDb = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Admins = await tenantDb.InstitutionMemberships.AsNoTracking()
            .Where(m => m.Role == InstitutionRole.Admin)
            .Join(tenantDb.Users, m => m.UserId, u => u.Id, (m, u) => new { Membership = m, User = u })
            .OrderBy(x => x.User.DisplayName).ThenBy(x => x.User.Email)
            .Select(x => new AdminRow(x.User.Id, x.User.DisplayName, x.User.Email ?? string.Empty, x.Membership.CreatedAt))
            .ToListAsync(cancellationToken);
        return true;
    }

    private static string Name(PlatformUser user) =>
        string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? string.Empty : $"{user.DisplayName} ({user.Email})";

    public sealed record AdminRow(Guid UserId, string DisplayName, string Email, DateTimeOffset Since);

    public sealed class AppointInput
    {
        [Required(ErrorMessage = "Enter the email address of the person's account.")]
        [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
        [StringLength(256, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
        [Display(Name = "Email address")]
        public string? Email { get; set; }
    }
}
