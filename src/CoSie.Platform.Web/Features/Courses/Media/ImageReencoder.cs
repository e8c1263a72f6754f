using ImageMagick;

namespace CoSie.Platform.Web.Features.Courses.Media;

// Decodes an image and writes its pixels anew in the same raster format: metadata (EXIF with its location, XMP, ICC
// comments), trailing data and anything a crafted file hides beside the pixels do not survive. The format is forced from
// the sniffed bytes, so ImageMagick never picks a coder (SVG, MVG, MSL…) from the content.
public static class ImageReencoder
{
    private const int MaxFrames = 300;

    public static byte[]? Reencode(byte[] content, MediaType type, int maxDimension)
    {
        var format = type.Extension switch
        {
            "jpg" => MagickFormat.Jpeg,
            "png" => MagickFormat.Png,
            "gif" => MagickFormat.Gif,
            "webp" => MagickFormat.WebP,
            _ => MagickFormat.Unknown,
        };
        if (format == MagickFormat.Unknown)
        {
            return null;
        }

        try
        {
            var settings = new MagickReadSettings { Format = format };
            // The header first: a small file can claim enormous dimensions and expand to gigabytes when decoded.
            var info = new MagickImageInfo(content, settings);
            if (info.Width == 0 || info.Height == 0 || info.Width > maxDimension || info.Height > maxDimension)
            {
                return null;
            }

            using var images = new MagickImageCollection(content, settings);
            if (images.Count is 0 or > MaxFrames)
            {
                return null;
            }

            foreach (var image in images)
            {
                if (image.Width > maxDimension || image.Height > maxDimension)
                {
                    return null;
                }

                // Turn the pixels as the orientation tag says before the tag goes with the rest of the metadata.
                image.AutoOrient();
                image.Strip();
                if (format == MagickFormat.Jpeg)
                {
                    image.Quality = 88;
                }
            }

            return images.ToByteArray(format);
        }
        catch (MagickException)
        {
            return null;
        }
    }
}
