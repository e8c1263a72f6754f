using System.Net;
using System.Text;
using CoSie.Platform.Web.Features.Courses.Media;
using ImageMagick;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Tests.Courses.Media;

public sealed class MediaFilesTests
{
    public static byte[] JpegWithMetadata()
    {
        using var image = new MagickImage(MagickColors.SteelBlue, 40, 30);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Artist, "Secret Person");
        exif.SetValue(ExifTag.Copyright, "Hidden note");
        image.SetProfile(exif);
        image.Format = MagickFormat.Jpeg;
        // Bytes after the image's end, where a polyglot file hides its script.
        return [.. image.ToByteArray(), .. Encoding.ASCII.GetBytes("<script>alert(1)</script>")];
    }

    [Fact]
    public void Re_encoding_keeps_the_pixels_and_drops_metadata_and_trailing_bytes()
    {
        var original = JpegWithMetadata();
        var type = MediaType.Sniff(original, MediaKind.Image)!;

        var clean = ImageReencoder.Reencode(original, type, 8000)!;

        using var image = new MagickImage(clean);
        Assert.Equal((40u, 30u), (image.Width, image.Height));
        Assert.Null(image.GetExifProfile());
        var text = Encoding.Latin1.GetString(clean);
        Assert.DoesNotContain("Secret Person", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_larger_than_the_dimension_limit_is_refused()
    {
        using var image = new MagickImage(MagickColors.White, 300, 20);
        var png = image.ToByteArray(MagickFormat.Png);

        Assert.Null(ImageReencoder.Reencode(png, MediaType.ByExtension("png")!, 200));
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", MediaKind.Image)]
    [InlineData("<html><body>not found</body></html>", MediaKind.Image)]
    [InlineData("GIF89a", MediaKind.Audio)]
    [InlineData("ID3....", MediaKind.Video)]
    public void Only_raster_images_and_playable_media_are_recognised(string content, MediaKind kind)
    {
        Assert.Null(MediaType.Sniff(Encoding.ASCII.GetBytes(content), kind));
    }

    [Fact]
    public void Types_are_told_by_their_bytes()
    {
        Assert.Equal("audio/mpeg", MediaType.Sniff("ID3\u0004\0\0\0\0\0\0"u8, MediaKind.Audio)!.ContentType);
        Assert.Equal("video/mp4", MediaType.Sniff("\0\0\0\u0018ftypisom"u8, MediaKind.Video)!.ContentType);
        Assert.Equal("audio/mp4", MediaType.Sniff("\0\0\0\u0018ftypM4A "u8, MediaKind.Audio)!.ContentType);
        Assert.Equal("image/gif", MediaType.Sniff("GIF89a...."u8, MediaKind.Image)!.ContentType);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::7f00:1", false)]
    [InlineData("::", false)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    [InlineData("2002:c0a8:101::1", false)]
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe", false)]
    [InlineData("64:ff9b::5db8:d822", true)]
    [InlineData("2002:5db8:d822::1", true)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:4700::1111", true)]
    public void Private_and_loopback_addresses_are_refused(string address, bool allowed)
    {
        var guard = new MediaAddressGuard(Options.Create(new MediaOptions()));

        Assert.Equal(allowed, guard.IsAllowed(IPAddress.Parse(address)));
    }

    [Fact]
    public void A_configured_network_is_allowed_and_only_it()
    {
        var guard = new MediaAddressGuard(Options.Create(new MediaOptions { AllowedPrivateNetworks = ["127.0.0.1/32"] }));

        Assert.True(guard.IsAllowed(IPAddress.Parse("127.0.0.1")));
        Assert.False(guard.IsAllowed(IPAddress.Parse("127.0.0.2")));
        Assert.False(guard.IsAllowed(IPAddress.Parse("10.0.0.1")));
    }
}
