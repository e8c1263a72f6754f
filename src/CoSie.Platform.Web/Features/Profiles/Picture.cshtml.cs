using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace CoSie.Platform.Web.Features.Profiles;

// A member's picture, to the others of a cohort they share. Its address carries the picture's version, so a browser
// may keep it for a year; it is private to the reader, never kept by a shared cache.
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
        Response.Headers[HeaderNames.CacheControl] = "private, max-age=31536000, immutable";
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return File(picture.Content, picture.ContentType);
    }
}
