using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Lti.Keys;

// The institution's public tool keys, for its platforms to verify what the tool signs. Reading it makes no key: until
// the admin opens the tool configuration (or the tool first signs), the set is empty.
[AllowAnonymous]
public sealed class JwksModel(ToolKeys keys) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var published = await keys.PublishedAsync(cancellationToken);
        // Short enough that a rotation's new key is seen well within the overlap.
        Response.Headers.CacheControl = "public, max-age=300";
        return Content(ToolKeys.KeySetJson(published), "application/json");
    }
}
