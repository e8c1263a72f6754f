using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Courses.Import;

namespace CoSie.Platform.Tests.Courses.Import;

public sealed class SeedImportTests
{
    private const string FirstPrompt =
        "How do you imagine a successful spreading of co-creation can take place regarding the co-creation initiatives and their effects from your chosen service pilot to your local and national contexts?";

    private const string SecondPrompt = "What CoSIE experiences of spreading co-creation inspire you most?";

    private static readonly Lazy<ImportedModule> Seed = new(() =>
    {
        var result = Importers.Create().Parse(TestAssets.SeedFileName, TestAssets.Seed());
        Assert.True(result.Succeeded, result.Error?.Message);
        return Assert.Single(result.Modules);
    });

    [Fact]
    public void Seed_page_yields_its_two_reflection_prompts()
    {
        Assert.Equal([FirstPrompt, SecondPrompt], Seed.Value.Prompts);
    }

    [Fact]
    public void Seed_page_yields_title_slug_and_source()
    {
        var module = Seed.Value;

        Assert.Equal("Spreading co-creation", module.Title);
        Assert.Equal("spreading-co-creation", module.Slug);
        Assert.Equal(ModuleSourceKind.WordPress, module.SourceKind);
        Assert.Equal("https://sola.kau.se/cosie/project-level-findings/spreading-co-creation/", module.SourceUrl);
        Assert.Equal("4267", module.SourceId);
        Assert.Equal("https://sola.kau.se/cosie/", module.SourceSiteBaseUrl);
    }

    [Fact]
    public void Seed_page_yields_five_literature_references_with_their_links()
    {
        var literature = Seed.Value.Literature;

        Assert.Equal(5, literature.Count);
        Assert.Collection(
            literature,
            evers =>
            {
                Assert.StartsWith("Evers A. & Brandsen, T. (2016).", evers.Text, StringComparison.Ordinal);
                Assert.Contains("<em>Social innovations in the Urban Context</em>", evers.Html, StringComparison.Ordinal);
                Assert.Empty(evers.Urls);
            },
            lowe =>
            {
                Assert.StartsWith("Lowe", lowe.Text, StringComparison.Ordinal);
                Assert.Equal(["https://doi.org/10.1080/09540962.2020.1832738"], lowe.Urls);
            },
            mulgan =>
            {
                Assert.StartsWith("Mulgan", mulgan.Text, StringComparison.Ordinal);
                Assert.Equal(
                    ["https://www.researchgate.net/publication/277873357_Social_Innovation_What_It_Is_Why_It_Matters_and_How_It_Can_Be_Accelerated"],
                    mulgan.Urls);
            },
            osborne =>
            {
                Assert.StartsWith("Osborne, S.P. (2018).", osborne.Text, StringComparison.Ordinal);
                Assert.Equal(["https://doi.org/10.1080/14719037.2017.1350461"], osborne.Urls);
            },
            sinclair =>
            {
                Assert.StartsWith("Sinclair", sinclair.Text, StringComparison.Ordinal);
                Assert.Contains("1317–1331", sinclair.Text, StringComparison.Ordinal);
                Assert.Equal(["https://doi.org/10.1111/spol.12389"], sinclair.Urls);
                Assert.Contains("<a href=\"https://doi.org/10.1111/spol.12389\"", sinclair.Html, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void Seed_body_no_longer_contains_prompts_or_literature()
    {
        var body = Seed.Value.BodyHtml;

        Assert.DoesNotContain(FirstPrompt, body, StringComparison.Ordinal);
        Assert.DoesNotContain(SecondPrompt, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Please reflect upon", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Indicative literature", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Brandsen, T. (2016)", body, StringComparison.Ordinal);
        Assert.DoesNotContain("spol.12389", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<blockquote", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_body_keeps_the_rest_of_the_text()
    {
        var body = Seed.Value.BodyHtml;

        Assert.StartsWith("<p><strong>Co-creation – as social innovation</strong></p>", body, StringComparison.Ordinal);
        Assert.Contains("<p><strong>Enablers</strong></p>", body, StringComparison.Ordinal);
        Assert.Contains("<li>Using evidence to build demand</li>", body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://sola.kau.se/cosie/pilot-2-reducing-childhood-obesity-italy/\" rel=\"noopener noreferrer\">Italy</a>", body, StringComparison.Ordinal);
        Assert.EndsWith("in broader service areas.</li></ul>", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_body_keeps_the_images_with_their_dimensions()
    {
        var images = Parse(Seed.Value.BodyHtml).QuerySelectorAll("img");

        Assert.Equal(2, images.Length);
        var first = images[0];
        Assert.Equal("https://sola.kau.se/cosie/wp-content/uploads/sites/176/2021/04/bild1-edited.jpg", first.GetAttribute("src"));
        Assert.Equal(string.Empty, first.GetAttribute("alt"));
        Assert.Equal("502", first.GetAttribute("width"));
        Assert.Equal("303", first.GetAttribute("height"));
        Assert.Equal(["alt", "height", "src", "width"], first.Attributes.Select(attribute => attribute.Name).Order(StringComparer.Ordinal));
        Assert.Equal("figure", first.ParentElement!.LocalName);
    }

    [Fact]
    public void Seed_body_is_plain_semantic_html()
    {
        var body = Seed.Value.BodyHtml;

        Assert.DoesNotContain("class=", body, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", body, StringComparison.Ordinal);
        Assert.DoesNotContain("srcset", body, StringComparison.Ordinal);
        Assert.DoesNotContain("sizes=", body, StringComparison.Ordinal);
        Assert.DoesNotContain("loading=", body, StringComparison.Ordinal);
        Assert.DoesNotContain("decoding=", body, StringComparison.Ordinal);
        Assert.DoesNotContain("data-", body, StringComparison.Ordinal);
        Assert.DoesNotContain("wp-block", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<div", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<p></p>", body, StringComparison.Ordinal);
        Assert.All(Parse(Seed.Value.BodyHtml).QuerySelectorAll("p"), paragraph => Assert.False(string.IsNullOrWhiteSpace(paragraph.TextContent)));
        MarkupAssert.OnlyAllowedMarkup(body);
    }

    [Fact]
    public void Seed_body_decodes_entities_to_characters()
    {
        var body = Seed.Value.BodyHtml;

        Assert.Contains("Co-creation – as social innovation", body, StringComparison.Ordinal);
        Assert.Contains("‘spreading’", body, StringComparison.Ordinal);
        Assert.Contains("offerings.</strong>\u00A0Culturally", body, StringComparison.Ordinal);
        Assert.Contains("service\u00A0 – Co-Crea-te", body, StringComparison.Ordinal);
        Assert.Contains("Evers &amp; Brandsen, 2016", body, StringComparison.Ordinal);
        Assert.DoesNotContain("&nbsp;", body, StringComparison.Ordinal);
        Assert.DoesNotContain("&#", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_body_does_not_repeat_the_title()
    {
        var first = Parse(Seed.Value.BodyHtml).FirstElementChild!;

        Assert.NotEqual("Spreading co-creation", first.TextContent.Trim());
        Assert.DoesNotContain("<p><strong>Spreading co-creation</strong></p>", Seed.Value.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_body_is_already_sanitized()
    {
        var body = Seed.Value.BodyHtml;

        Assert.Equal(body, new HtmlContentSanitizer().Sanitize(body));
    }

    private static IElement Parse(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>");
        document.Body!.InnerHtml = html;
        return document.Body;
    }
}
