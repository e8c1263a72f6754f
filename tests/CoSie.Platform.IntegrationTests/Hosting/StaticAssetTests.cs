using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Hosting;

// Stylesheets and scripts are linked by fingerprinted names, cached for a year and sent compressed when the browser
// accepts it, inside an institution's path as at the root; the discussion modules import each other through an import
// map that only the page's own nonce admits.
public sealed partial class StaticAssetTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Pages_link_the_stylesheet_by_a_fingerprinted_name_that_is_cached_for_a_year(bool insideInstitution)
    {
        var prefix = insideInstitution ? $"/{factory.A.Slug}" : string.Empty;
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetStringAsync($"{prefix}/Account/Login");

        var href = Stylesheet().Match(page).Groups[1].Value;
        Assert.Matches($"^{Regex.Escape(prefix)}/css/site\\.[a-z0-9]+\\.css$", href);
        using var response = await client.GetAsync(href);
        AssertCachedForAYear(response);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task A_browser_that_accepts_compression_gets_the_precompressed_file_and_others_the_plain_one(string encoding)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var plain = await client.GetAsync("/lib/signalr/signalr.min.js");
        var plainLength = (await plain.Content.ReadAsByteArrayAsync()).Length;
        Assert.Empty(plain.Content.Headers.ContentEncoding);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/lib/signalr/signalr.min.js");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var compressed = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        var compressedLength = (await compressed.Content.ReadAsByteArrayAsync()).Length;
        Assert.InRange(compressedLength, 1, plainLength / 3);
    }

    [Fact]
    public async Task The_thread_page_maps_every_discussion_module_to_its_fingerprinted_file_under_a_nonce_of_its_own()
    {
        var cohort = await factory.OpenCohortAsync("Static assets");
        using var client = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Sami Static"));
        var thread = await factory.WriteReflectionAsync(client, cohort, "A reflection to open the thread with.");

        using var response = await client.GetAsync(factory.ThreadUrl(cohort, thread));
        var page = await response.Content.ReadAsStringAsync();
        var map = ImportMap().Match(page);
        Assert.True(map.Success, "The thread page has no import map.");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"script-src 'self' 'nonce-{map.Groups["nonce"].Value}'", csp, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(WebUtility.HtmlDecode(map.Groups["json"].Value));
        var imports = json.RootElement.GetProperty("imports");
        var integrity = json.RootElement.GetProperty("integrity");
        var modules = factory.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetDirectoryContents("js/discussion");
        var prefix = $"/{factory.A.Slug}/js/discussion/";
        var names = modules.Select(m => m.Name).Where(n => n.EndsWith(".js", StringComparison.Ordinal)).ToList();
        Assert.Contains("live-thread.js", names);
        foreach (var name in names)
        {
            var target = imports.GetProperty(prefix + name).GetString()!;
            Assert.Matches($"^{Regex.Escape(prefix + Path.GetFileNameWithoutExtension(name))}\\.[a-z0-9]+\\.js$", target);
            Assert.StartsWith("sha256-", integrity.GetProperty(target).GetString(), StringComparison.Ordinal);
            using var file = await client.GetAsync(target);
            AssertCachedForAYear(file);
        }
        Assert.Contains($"<script type=\"module\" src=\"{prefix}index.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_without_an_import_map_admit_no_inline_script_at_all()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/Account/Login");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("nonce-", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("importmap", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static void AssertCachedForAYear(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();

    [GeneratedRegex("<script (?=[^>]*type=\"importmap\")[^>]*nonce=\"(?<nonce>[^\"]+)\"[^>]*>(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ImportMap();
}
