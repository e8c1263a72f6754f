using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace CoSie.Platform.Web.Features.Courses.Media;

// An institution's copied media by fingerprint, to whoever may read a page that shows it (MediaAccess); to anyone else,
// as to other institutions, the file is not found. The name is the SHA-256 of the bytes, so a file's address never
// changes and browsers keep it for a year; only files for everyone may be kept by shared caches.
[AllowAnonymous]
public sealed partial class FileModel(PlatformDbContext db, MediaAccess access) : PageModel
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

        var audience = await access.AudienceAsync(fingerprint, cancellationToken);
        if (!await access.MayLoadAsync(audience, User, cancellationToken))
        {
            return NotFound();
        }

        var headers = Response.Headers;
        headers.CacheControl = audience == MediaAudience.Everyone ? "public, max-age=31536000, immutable" : "private, max-age=31536000, immutable";
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
