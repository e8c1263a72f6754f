using CoSie.Platform.Web.Features.Courses.Media;
using ImageMagick;

namespace CoSie.Platform.Web.Features.Institutions.Appearance;

// An uploaded logo made safe and small: only PNG, JPEG or WebP by their bytes, decoded and written anew (so nothing
// beside the pixels survives), and scaled down to fit the header at twice its size for sharp screens.
public static class LogoImage
{
    public const int MaxBytes = 1024 * 1024;
    private const int MaxSourceDimension = 4000;
    private const uint MaxWidth = 480;
    private const uint MaxHeight = 160;

    public static (byte[] Content, MediaType Type)? Prepare(byte[] upload)
    {
        if (MediaType.Sniff(upload, MediaKind.Image) is not { Extension: "png" or "jpg" or "webp" } type
            || ImageReencoder.Reencode(upload, type, MaxSourceDimension) is not { } clean)
        {
            return null;
        }
        try
        {
            using var image = new MagickImage(clean);
            if (image.Width > MaxWidth || image.Height > MaxHeight)
            {
                image.Resize(new MagickGeometry(MaxWidth, MaxHeight));
            }
            return (image.ToByteArray(), type);
        }
        catch (MagickException)
        {
            return null;
        }
    }
}
