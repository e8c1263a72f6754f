using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Features.Courses.Media;

// Bound from "Import:Media": how the importer copies the files a page references.
public sealed class MediaOptions
{
    public const string Section = "Import:Media";

    // An image larger than this is not copied (it stays at its source, with a warning in the preview).
    [Range(1024, 50 * 1024 * 1024)]
    public int MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    // Audio and video within this size become players of the copied file; larger ones stay links to their source.
    [Range(1024, 200 * 1024 * 1024)]
    public int MaxAudioVideoBytes { get; set; } = 25 * 1024 * 1024;

    // Files fetched for one upload, all pages together.
    [Range(1, 1000)]
    public int MaxFilesPerImport { get; set; } = 60;

    // Width or height of an image, in pixels; beyond it the image is refused before it is decoded.
    [Range(16, 20000)]
    public int MaxImageDimension { get; set; } = 8000;

    // How long one file may take to arrive.
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 15;

    // How long copying may take for one upload, all files together; files not reached by then stay at their source.
    // The copy runs inside the upload's request, so this bounds how long the worst upload holds it.
    [Range(1, 3600)]
    public int TotalTimeoutSeconds { get; set; } = 60;

    // Networks (CIDR, such as "127.0.0.1/32") the importer may fetch from although they are private, loopback or
    // link-local. Empty in production: a page must not make the server reach into its own network.
    public List<string> AllowedPrivateNetworks { get; set; } = [];
}
