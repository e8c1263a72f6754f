using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Hosting;

// How large a request body may be. Pages that take more say so with [RequestSizeLimit]: module bodies, the import
// upload and the roster upload.
public sealed class RequestLimits
{
    public const string Section = "Requests";

    // Posts (10,000 characters), names and settings fit many times over, also percent-encoded.
    [Range(64 * 1024, 1024L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    // A module body of 400,000 characters, percent-encoded as a form field, with its prompts and literature.
    public const int ModuleFormBytes = 4 * 1024 * 1024;
}
