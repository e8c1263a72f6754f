using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Profiles;

// A member's picture, to the others of a cohort they share (answered as PictureResponse says).
[Authorize(Policy = PlatformPolicies.InstitutionMember)]
public sealed class PictureModel(MemberProfiles profiles) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid cohortId, Guid userId, CancellationToken cancellationToken)
    {
        var (grant, member) = await profiles.FindAsync(cohortId, userId, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        if (member?.PictureVersion is null || await profiles.PictureAsync(userId, cancellationToken) is not { } picture)
        {
            return NotFound();
        }
        return PictureResponse.Send(Response, picture);
    }
}
