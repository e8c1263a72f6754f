using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Features.Courses.Import;

// Bound from "Import:Site": how an import reads a live WordPress site through its REST API. The addresses it may reach
// are those of the media fetches (Import:Media:AllowedPrivateNetworks); the bytes of all answers together are bounded
// by Import:MaxFileBytes, as one uploaded file is.
public sealed class SiteImportOptions
{
    public const string Section = "Import:Site";

    // How long one answer of the site may take.
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    // Answers of 100 items each that one import reads at most.
    [Range(1, 100)]
    public int MaxPages { get; set; } = 20;

    // The longest wait a site may ask for with Retry-After (on 429 or 503) before the import gives up.
    [Range(0, 600)]
    public int MaxRetryAfterSeconds { get; set; } = 60;

    // How often one answer is asked for again after a 429 or 503.
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    // Plain http:// sites. Off in production: an instructor's import must not travel unencrypted; tests turn it on for
    // their loopback site.
    public bool AllowPlainHttp { get; set; }
}
