using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace CoSie.Platform.Web.Features.Courses.Media;

// An institution's copied media by fingerprint. Anyone at the institution's address may load them, as public courses'
// pages show them to visitors; the tenant filter makes another institution's file a 404 here. The name is the SHA-256
// of the bytes, so a file's address never changes and browsers keep it for a year.
// REVIEW: media of members-only courses are reachable by whoever has their address (not guessable, but shareable).
[AllowAnonymous]
public sealed partial class FileModel(PlatformDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string file, CancellationToken cancellationToken)
    {
        var match = FileName().Match(file);
        if (!match.Success || MediaType.ByExtension(match.Groups[2].Value) is not { } type)
        {
            return NotFound();
        }

        var fingerprint = match.Groups[1].Value;
        var stored = await db.MediaFiles.AsNoTracking()
            .Where(m => m.Fingerprint == fingerprint && m.ContentType == type.ContentType)
            .Select(m => m.Content)
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        var headers = Response.Headers;
        headers.CacheControl = "public, max-age=31536000, immutable";
        // The file is shown by our pages, never a page itself: nothing in it may run or load anything.
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return new FileContentResult(stored, type.ContentType)
        {
            EnableRangeProcessing = true,
            EntityTag = new EntityTagHeaderValue($"\"{fingerprint}\""),
        };
    }

    [GeneratedRegex("^([0-9a-f]{64})\\.([a-z0-9]{2,5})$")]
    private static partial Regex FileName();
}
