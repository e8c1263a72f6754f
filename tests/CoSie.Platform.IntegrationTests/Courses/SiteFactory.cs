using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;

namespace CoSie.Platform.IntegrationTests.Courses;

// The course institutions with WordPress sites on loopback that answer the REST API with recorded responses
// (Assets/WordPressSite): "/course" has two answers of pages and asks once to wait (429) before the second; "/broken"
// answers its second page with an error page; "/lessons" has LearnDash lessons; "/missing" has no pages route. Plain
// http and loopback are allowed only here.
public sealed class SiteFactory : CourseFactory
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _asked = new(StringComparer.Ordinal);
    private Task? _serving;

    public string Site { get; private set; } = string.Empty;

    // The requests the sites received, path and query, in order.
    public ConcurrentQueue<string> Requests { get; } = new();

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
        builder.UseSetting("Import:Site:AllowPlainHttp", "true");
        builder.UseSetting("Import:Site:MaxRetryAfterSeconds", "5");
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Assets", "WordPressSite", name);

    private (int Status, string? File, int TotalPages, string? RetryAfter) Answer(string path, string page)
    {
        switch (path, page)
        {
            case ("/course/wp-json/wp/v2/pages", "1"):
                return (200, "pages-1.json", 2, null);
            case ("/course/wp-json/wp/v2/pages", "2"):
                // The first time, the site is busy and says when to come back.
                return _asked.AddOrUpdate(path + page, 1, (_, n) => n + 1) == 1 ? (429, null, 0, "1") : (200, "pages-2.json", 2, null);
            case ("/broken/wp-json/wp/v2/pages", "1"):
                return (200, "pages-1.json", 2, null);
            case ("/broken/wp-json/wp/v2/pages", "2"):
                return (200, "pages-bad.json", 2, null);
            case ("/lessons/wp-json/wp/v2/sfwd-lessons", "1"):
                return (200, "sfwd-lessons-1.json", 1, null);
            case ("/slow/wp-json/wp/v2/pages", "1"):
                return (429, null, 0, "3600");
            default:
                return (404, "no-route.json", 0, null);
        }
    }

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
            var url = context.Request.Url!;
            Requests.Enqueue(url.PathAndQuery);
            var (status, file, total, retryAfter) = Answer(url.AbsolutePath, context.Request.QueryString["page"] ?? "1");
            response.StatusCode = status;
            if (retryAfter is not null)
            {
                response.Headers["Retry-After"] = retryAfter;
            }
            if (total > 0)
            {
                response.Headers["X-WP-TotalPages"] = total.ToString(CultureInfo.InvariantCulture);
            }
            if (file is not null)
            {
                var body = await File.ReadAllBytesAsync(Fixture(file));
                response.ContentType = file.EndsWith(".json", StringComparison.Ordinal) && file != "pages-bad.json" ? "application/json; charset=UTF-8" : "text/html; charset=UTF-8";
                response.ContentLength64 = body.Length;
                await response.OutputStream.WriteAsync(body);
            }
        }
    }
}
