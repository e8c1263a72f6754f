using CoSie.Platform.Web.Features.Courses.Import;

namespace CoSie.Platform.Tests.Courses.Import;

public sealed class CollectionImportTests
{
    private static IReadOnlyList<ImportedModule> ImportTwoLinkedPages()
    {
        var json = WordPressJson.Collection(
            WordPressJson.PageObject(
                "First &#8211; intro",
                "<p>Go on to <a href=\"https://sola.kau.se/cosie/findings/second-page/#part\">the second page</a> " +
                "or read <a href=\"https://example.org/second-page/\">elsewhere</a> " +
                "or <a href=\"https://sola.kau.se/other-site/second-page/\">another site</a>.</p>",
                "first-page",
                "https://sola.kau.se/cosie/findings/first-page/",
                1),
            WordPressJson.PageObject(
                "Second",
                "<p>Back to <a href=\"/cosie/findings/first-page/\">the first page</a>, " +
                "an <a href=\"https://sola.kau.se/cosie/unknown-page/\">unknown page</a> and " +
                "<a href=\"https://sola.kau.se/cosie/wp-content/uploads/first-page\">an upload</a>.</p>",
                "second-page",
                "https://sola.kau.se/cosie/findings/second-page/",
                2));

        var result = Importers.Create().Parse("pages.json", json);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Modules;
    }

    [Fact]
    public void Collection_response_gives_one_module_per_page_in_order()
    {
        var modules = ImportTwoLinkedPages();

        Assert.Equal(["first-page", "second-page"], modules.Select(module => module.Slug));
        Assert.Equal(["First – intro", "Second"], modules.Select(module => module.Title));
        Assert.Equal(["1", "2"], modules.Select(module => module.SourceId));
    }

    [Fact]
    public void Links_between_imported_pages_are_rewritten_and_others_untouched()
    {
        var modules = ImportTwoLinkedPages();
        var hrefs = modules.ToDictionary(module => module.Slug, module => $"/courses/cosie/modules/{module.Slug}", StringComparer.Ordinal);
        string? HrefForSlug(string slug) => hrefs.GetValueOrDefault(slug);

        var first = InternalLinkRewriter.Rewrite(modules[0].BodyHtml, "https://sola.kau.se/cosie/", HrefForSlug);
        var second = InternalLinkRewriter.Rewrite(modules[1].BodyHtml, "https://sola.kau.se/cosie/", HrefForSlug);

        Assert.Contains("<a href=\"/courses/cosie/modules/second-page#part\" rel=\"noopener noreferrer\">the second page</a>", first, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/second-page/\" rel=\"noopener noreferrer\">elsewhere</a>", first, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://sola.kau.se/other-site/second-page/\" rel=\"noopener noreferrer\">another site</a>", first, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/courses/cosie/modules/first-page\" rel=\"noopener noreferrer\">the first page</a>", second, StringComparison.Ordinal);
        Assert.Contains("href=\"https://sola.kau.se/cosie/unknown-page/\"", second, StringComparison.Ordinal);
        Assert.Contains("href=\"https://sola.kau.se/cosie/wp-content/uploads/first-page\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_without_matching_links_is_returned_unchanged()
    {
        const string html = "<p><a href=\"https://example.org/x\" rel=\"noopener noreferrer\">x</a>\u00A0–</p>";

        Assert.Same(html, InternalLinkRewriter.Rewrite(html, "https://sola.kau.se/cosie/", _ => "/never"));
        Assert.Same(html, InternalLinkRewriter.Rewrite(html, null, _ => "/never"));
    }

    [Fact]
    public void Site_base_is_the_host_and_first_path_segment_of_a_nested_page_link()
    {
        Assert.Equal(
            "https://sola.kau.se/cosie/",
            InternalLinkRewriter.GetSiteBaseUrl("https://sola.kau.se/cosie/project-level-findings/spreading-co-creation/", "spreading-co-creation"));
        Assert.Equal("https://example.org/", InternalLinkRewriter.GetSiteBaseUrl("https://example.org/about/", "about"));
        Assert.Null(InternalLinkRewriter.GetSiteBaseUrl("not a url", "x"));
    }

    [Fact]
    public void Seed_site_base_comes_from_the_rest_api_links()
    {
        var module = Importers.Create().Parse(TestAssets.SeedFileName, TestAssets.Seed()).Modules[0];

        Assert.Equal("https://sola.kau.se/cosie/", module.SourceSiteBaseUrl);
        var rewritten = InternalLinkRewriter.Rewrite(
            module.BodyHtml,
            module.SourceSiteBaseUrl,
            slug => slug == "pilot-2-reducing-childhood-obesity-italy" ? "/modules/italy" : null);
        Assert.Contains("<a href=\"/modules/italy\" rel=\"noopener noreferrer\">Italy</a>", rewritten, StringComparison.Ordinal);
        Assert.Contains("href=\"https://sola.kau.se/cosie/piloy-9-youth-co-empowerment/\"", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_slugs_in_a_collection_are_made_unique()
    {
        var json = WordPressJson.Collection(
            WordPressJson.PageObject("Intro", "<p>a</p>", "intro"),
            WordPressJson.PageObject("Intro again", "<p>b</p>", "intro"));

        var modules = Importers.Create().Parse("pages.json", json).Modules;

        Assert.Equal(["intro", "intro-2"], modules.Select(module => module.Slug));
    }

    [Fact]
    public void Missing_slug_is_derived_from_the_title()
    {
        var json = WordPressJson.Encode(new
        {
            title = new { rendered = "Co-creation &amp; Väl­färd: <em>Öresund</em> 2020!" },
            content = new { rendered = "<p>x</p>" },
        });

        var module = Importers.Create().Parse("page.json", json).Modules[0];

        Assert.Equal("Co-creation & Väl­färd: Öresund 2020!", module.Title);
        Assert.Equal("co-creation-val-fard-oresund-2020", module.Slug);
        Assert.Null(module.SourceUrl);
    }
}
