namespace CoSie.Platform.Web.Features.Courses.Media;

// A file type the platform keeps, told by the file's first bytes, never by its name or the server's Content-Type.
public sealed record MediaType(string ContentType, string Extension)
{
    private static readonly MediaType[] Known =
    [
        new("image/jpeg", "jpg"), new("image/png", "png"), new("image/gif", "gif"), new("image/webp", "webp"),
        new("audio/mpeg", "mp3"), new("audio/mp4", "m4a"), new("audio/ogg", "oga"), new("audio/wav", "wav"),
        new("audio/flac", "flac"), new("audio/webm", "weba"), new("video/mp4", "mp4"), new("video/webm", "webm"),
        new("video/ogg", "ogv"),
    ];

    public static MediaType? ByExtension(string extension) =>
        Known.FirstOrDefault(t => string.Equals(t.Extension, extension, StringComparison.Ordinal));

    public static MediaType? ByContentType(string contentType) =>
        Known.FirstOrDefault(t => string.Equals(t.ContentType, contentType, StringComparison.Ordinal));

    // Only raster images (an SVG can carry script) and the audio and video formats browsers play natively.
    public static MediaType? Sniff(ReadOnlySpan<byte> bytes, MediaKind kind)
    {
        if (kind == MediaKind.Image)
        {
            return bytes switch
            {
                [0xFF, 0xD8, 0xFF, ..] => ByExtension("jpg"),
                [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => ByExtension("png"),
                [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => ByExtension("gif"),
                [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => ByExtension("webp"),
                _ => null,
            };
        }

        var video = kind == MediaKind.Video;
        return bytes switch
        {
            [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', ..] => ByExtension(video ? "mp4" : "m4a"),
            [0x1A, 0x45, 0xDF, 0xA3, ..] => ByExtension(video ? "webm" : "weba"),
            [(byte)'O', (byte)'g', (byte)'g', (byte)'S', ..] => ByExtension(video ? "ogv" : "oga"),
            [(byte)'I', (byte)'D', (byte)'3', ..] when !video => ByExtension("mp3"),
            [0xFF, var frame, ..] when !video && (frame & 0xE0) == 0xE0 => ByExtension("mp3"),
            [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'A', (byte)'V', (byte)'E', ..] when !video => ByExtension("wav"),
            [(byte)'f', (byte)'L', (byte)'a', (byte)'C', ..] when !video => ByExtension("flac"),
            _ => null,
        };
    }
}
