using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Lti.Admin;

// The institution admin's list of registered learning platforms.
[Authorize(Policy = PlatformPolicies.InstitutionAdmin)]
public sealed class PlatformsModel(PlatformDbContext db) : PageModel
{
    public IReadOnlyList<LtiPlatform> Platforms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Platforms = await db.LtiPlatforms.AsNoTracking().OrderBy(p => p.DisplayName).ToListAsync(cancellationToken);
}
