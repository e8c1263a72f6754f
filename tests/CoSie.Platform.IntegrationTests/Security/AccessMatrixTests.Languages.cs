using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace CoSie.Platform.IntegrationTests.Security;

// Every page every person can open, in English and in the pseudo-language: a title or heading never shows a
// placeholder the localizer left unfilled ("Edit {0}", "{cohort}"), and the page says the language it is written in.
public sealed partial class AccessMatrixTests
{
    [GeneratedRegex(@"\{[A-Za-z0-9_]+(,[^}]*)?\}")]
    private static partial Regex Placeholder();

    [Theory]
    [InlineData("en", "en")]
    [InlineData("en-XA", "en-XA")]
    public async Task No_page_title_or_heading_shows_an_unfilled_placeholder(string language, string expectedLang)
    {
        var endpoints = await MappedEndpoints.ListAsync(factory);
        var parser = new HtmlParser();
        var failures = new List<string>();
        var pages = 0;
        foreach (var actor in Actors)
        {
            var client = await factory.ClientAsAsync(actor);
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            foreach (var endpoint in endpoints.Where(e => e.Method == "GET"))
            {
                using var response = await client.GetAsync(endpoint.Url);
                // Whole pages only: fragments a page's script fetches carry no <html>, and the jobs dashboard is Hangfire's own.
                var html = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html"
                    || !html.StartsWith("<!DOCTYPE html>", StringComparison.OrdinalIgnoreCase) || endpoint.Url.StartsWith("/admin/jobs", StringComparison.Ordinal))
                {
                    continue;
                }
                pages++;
                var document = await parser.ParseDocumentAsync(html);
                foreach (var text in document.QuerySelectorAll("title, h1").Select(e => e.TextContent))
                {
                    if (Placeholder().IsMatch(text))
                    {
                        failures.Add($"{actor} {endpoint.Url}: \"{text.Trim()}\"");
                    }
                }
                var lang = document.DocumentElement.GetAttribute("lang");
                if (lang != expectedLang)
                {
                    failures.Add($"{actor} {endpoint.Url}: <html lang=\"{lang}\">, expected {expectedLang}");
                }
            }
        }
        Assert.True(pages > 40, $"Only {pages} pages answered 200: the crawl did not reach the pages it checks.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
