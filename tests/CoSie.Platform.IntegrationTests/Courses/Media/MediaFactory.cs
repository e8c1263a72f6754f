using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ImageMagick;
using Microsoft.AspNetCore.Hosting;

namespace CoSie.Platform.IntegrationTests.Courses.Media;

// The course institutions with a source site on loopback that serves a page's files: a photo with metadata, an image
// past the size limit, an SVG, an mp3 and a video past the limit. The importer may fetch from loopback only here.
public sealed class MediaFactory : CourseFactory
{
    public const int Limit = 64 * 1024;

    private readonly HttpListener _listener = new();
    private Task? _serving;

    public string Site { get; private set; } = string.Empty;

    public override async Task InitializeAsync()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Site = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        _listener.Prefixes.Add(Site + "/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        if (_serving is not null)
        {
            await _serving;
        }
        await base.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Import:Media:AllowedPrivateNetworks:0", "127.0.0.1/32");
        builder.UseSetting("Import:Media:MaxImageBytes", Limit.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Import:Media:MaxAudioVideoBytes", Limit.ToString(CultureInfo.InvariantCulture));
    }

    public static byte[] PhotoWithMetadata()
    {
        using var image = new MagickImage(MagickColors.SteelBlue, 40, 30);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Artist, "Secret Person");
        image.SetProfile(exif);
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    private static (string Type, byte[] Body)? File(string path) => path switch
    {
        "/photo.jpg" => ("image/jpeg", PhotoWithMetadata()),
        "/big.png" => ("image/png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[Limit + 1]]),
        "/drawing.svg" => ("image/svg+xml", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")),
        // An SVG that says it is a PNG: the bytes decide.
        "/disguised.png" => ("image/png", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")),
        "/talk.mp3" => ("audio/mpeg", [(byte)'I', (byte)'D', (byte)'3', 4, 0, 0, 0, 0, 0, 0, .. new byte[2048]]),
        "/long.mp4" => ("video/mp4", [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', .. new byte[Limit + 1]]),
        _ => null,
    };

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var response = context.Response;
            if (File(context.Request.Url!.AbsolutePath) is { } file)
            {
                response.ContentType = file.Type;
                response.ContentLength64 = file.Body.Length;
                await response.OutputStream.WriteAsync(file.Body);
            }
            else
            {
                response.StatusCode = 404;
            }
        }
    }
}
