using System.Globalization;

namespace CoSie.Platform.Web.Hosting;

// `dotnet CoSie.Platform.Web.dll healthcheck [url]` asks the running app for /healthz and exits 0 when it answers
// 200. It is the container's HEALTHCHECK: the runtime image has neither curl nor wget. It runs before the host is
// built, so it needs no database and no configuration beyond the port.
public static class HealthProbe
{
    public const string Command = "healthcheck";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var url = args.SkipWhile(a => a != Command).Skip(1).FirstOrDefault()
            ?? DefaultUrl(Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS"));
        try
        {
            using var client = new HttpClient { Timeout = Timeout };
            using var response = await client.GetAsync(new Uri(url));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{url}: {(int)response.StatusCode} {response.ReasonPhrase}"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await output.WriteLineAsync($"{url}: {ex.Message}");
            return 1;
        }
    }

    // The first port Kestrel listens on (ASPNETCORE_HTTP_PORTS, as the image sets it), on the IPv4 loopback,
    // which answers whether or not the container has IPv6.
    public static string DefaultUrl(string? httpPorts)
    {
        var port = (httpPorts ?? string.Empty)
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? "8080";
        return $"http://127.0.0.1:{port}/healthz";
    }
}
