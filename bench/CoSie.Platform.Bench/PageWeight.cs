using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CoSie.Platform.Bench;

// What a browser downloads for a page, as a browser that accepts Brotli and gzip gets it: cold (an empty cache: the
// HTML and every stylesheet, script and module it loads) and warm (a second visit: the HTML again, and every asset
// that its headers do not let the browser keep).
public sealed partial class PageWeight(Uri baseAddress)
{
    public async Task<WeightRow> MeasureAsync(string name, string url, Session? member)
    {
        using var anonymous = member is null ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress } : null;
        Func<HttpRequestMessage, Task<HttpResponseMessage>> send = member is null ? r => anonymous!.SendAsync(r) : member.SendAsync;

        var (html, htmlBytes, _) = await FetchAsync(send, url);
        var text = System.Text.Encoding.UTF8.GetString(html);
        var assets = Assets(text).Distinct(StringComparer.Ordinal).ToList();
        long cold = htmlBytes, warm = htmlBytes, uncompressed = html.Length;
        foreach (var asset in assets)
        {
            var (body, bytes, kept) = await FetchAsync(send, asset);
            cold += bytes;
            uncompressed += body.Length;
            if (!kept)
            {
                warm += bytes;
            }
        }
        return new WeightRow(name, assets.Count + 1, cold, warm, uncompressed);
    }

    // The transferred body (compressed where the app compressed it) and whether the browser may keep it a year.
    private static async Task<(byte[] Body, long Bytes, bool Kept)> FetchAsync(Func<HttpRequestMessage, Task<HttpResponseMessage>> send, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await send(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}.");
        }
        var body = await response.Content.ReadAsByteArrayAsync();
        var transferred = body.LongLength;
        var encoding = response.Content.Headers.ContentEncoding.FirstOrDefault();
        var plain = encoding switch
        {
            "br" => Decompress(body, s => new System.IO.Compression.BrotliStream(s, System.IO.Compression.CompressionMode.Decompress)),
            "gzip" => Decompress(body, s => new System.IO.Compression.GZipStream(s, System.IO.Compression.CompressionMode.Decompress)),
            _ => body,
        };
        var kept = response.Headers.CacheControl is { MaxAge: { } age } control && age >= TimeSpan.FromDays(30) &&
            control.Extensions.Any(e => e.Name == "immutable");
        return (plain, transferred, kept);
    }

    private static byte[] Decompress(byte[] body, Func<Stream, Stream> open)
    {
        using var input = open(new MemoryStream(body));
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    // Stylesheets, classic and module scripts, and the modules an import map points to (the discussion pages load all
    // of theirs).
    private static IEnumerable<string> Assets(string html)
    {
        foreach (Match match in Stylesheet().Matches(html))
        {
            yield return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
        }
        foreach (Match match in Script().Matches(html))
        {
            yield return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
        }
        foreach (Match match in ImportMap().Matches(html))
        {
            using var map = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(match.Groups[1].Value));
            foreach (var module in map.RootElement.GetProperty("imports").EnumerateObject())
            {
                yield return module.Value.GetString()!;
            }
        }
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();

    [GeneratedRegex("<script [^>]*src=\"([^\"]+)\"")]
    private static partial Regex Script();

    [GeneratedRegex("<script [^>]*type=\"importmap\"[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ImportMap();
}

public static class PageWeightReport
{
    public static string Markdown(IReadOnlyList<WeightRow> rows)
    {
        var lines = new List<string>
        {
            "### Page weight",
            "",
            "Bytes a browser that accepts Brotli and gzip downloads: cold (empty cache) and warm (again on a second visit; fingerprinted assets are kept for a year).",
            "",
            "| page | requests | cold bytes | warm bytes | uncompressed |",
            "| --- | ---: | ---: | ---: | ---: |",
        };
        lines.AddRange(rows.Select(r => $"| {r.Page} | {r.Requests} | {r.ColdBytes:N0} | {r.WarmBytes:N0} | {r.UncompressedBytes:N0} |"));
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }
}

// Requests: the page and its assets; bytes as transferred, cold and warm; uncompressed: the same cold set unpacked.
public sealed record WeightRow(string Page, int Requests, long ColdBytes, long WarmBytes, long UncompressedBytes);
