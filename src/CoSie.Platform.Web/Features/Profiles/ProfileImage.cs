using CoSie.Platform.Web.Features.Courses.Media;
using ImageMagick;

namespace CoSie.Platform.Web.Features.Profiles;

// An uploaded picture made safe and small: only PNG, JPEG or WebP by their bytes, decoded and written anew (nothing
// beside the pixels survives, the location in a phone photo's EXIF included), cut to the middle square and scaled to
// Size pixels, which covers the largest place it is shown at twice its size.
public static class ProfileImage
{
    public const int MaxBytes = 4 * 1024 * 1024;
    public const uint Size = 256;
    private const int MaxSourceDimension = 6000;

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
            var side = Math.Min(image.Width, image.Height);
            image.Crop(new MagickGeometry(side, side), Gravity.Center);
            image.ResetPage();
            if (side > Size)
            {
                image.Resize(Size, Size);
            }
            image.Strip();
            return (image.ToByteArray(), type);
        }
        catch (MagickException)
        {
            return null;
        }
    }
}
