using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Account.Manage;

// The right of access (GDPR art. 15): everything the account holds about the person, in a file they can keep.
public sealed class DataModel(UserManager<PlatformUser> users, PlatformDbContext db, TimeProvider clock, ILogger<DataModel> logger) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
    };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var account = typeof(PlatformUser).GetProperties()
            .Where(p => Attribute.IsDefined(p, typeof(PersonalDataAttribute)))
            .ToDictionary(p => p.Name, p => p.GetValue(user));

        // A person's data spans every institution they belong to, so the tenant filter is lifted here, and the
        // Where keeps the query to this person's own memberships.
        var memberships = await db.AcrossInstitutionsAsync(across => across.InstitutionMemberships
            .IgnoreQueryFilters([PlatformDbContext.TenantFilter])
            .AsNoTracking()
            .Where(m => m.UserId == user.Id)
            .Join(across.Institutions, m => m.InstitutionId, i => i.Id, (m, i) => new { i.Slug, i.Name, m.Role, m.CreatedAt })
            .OrderBy(m => m.Name)
            .ToListAsync(cancellationToken), cancellationToken);

        var export = new
        {
            ExportedAt = clock.GetUtcNow(),
            Account = account,
            Memberships = memberships.Select(m => new { Institution = m.Slug, InstitutionName = m.Name, Role = m.Role.ToString(), Since = m.CreatedAt }),
        };
        logger.LogInformation("Account {UserId} downloaded its personal data", user.Id);
        Response.Headers.CacheControl = "no-store";
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json", "cosie-personal-data.json");
    }
}
