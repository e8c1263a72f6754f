using System.Text;
using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Courses.Import;

namespace CoSie.Platform.Tests.Courses.Import;

public sealed class MarkdownImportTests
{
    private readonly HtmlContentSanitizer sanitizer = new();

    private ImportedModule Import(string markdown, string fileName = "module.md")
    {
        var result = Importers.Create(sanitizer).Parse(fileName, Encoding.UTF8.GetBytes(markdown));
        Assert.True(result.Succeeded, result.Error?.Message);
        return Assert.Single(result.Modules);
    }

    [Fact]
    public void Front_matter_gives_title_slug_summary_prompts_and_literature()
    {
        var module = Import(
            """
            ---
            title: "Co-creation: a primer"
            slug: Co-Creation Primer
            summary: A short introduction.
            tags: [ignored]
            prompts:
              - What does co-creation mean to you?
              - "Who is missing: and why?"
            literature:
              - Osborne, S.P. (2018). *Public Management Review*. doi:10.1080/14719037.2017.1350461
              - 'Lowe, T. (2020). <em>Public Money &amp; Management</em>, <a href="https://doi.org/10.1080/09540962.2020.1832738">link</a>'
            ---
            ## What it is

            Co-creation is **collaborative**.

            ![Iceberg](https://example.org/iceberg.png)
            """);

        Assert.Equal("Co-creation: a primer", module.Title);
        Assert.Equal("co-creation-primer", module.Slug);
        Assert.Equal("A short introduction.", module.Summary);
        Assert.Equal(ModuleSourceKind.Markdown, module.SourceKind);
        Assert.Null(module.SourceUrl);
        Assert.Equal(["What does co-creation mean to you?", "Who is missing: and why?"], module.Prompts);
        Assert.Equal(2, module.Literature.Count);
        Assert.Equal("Osborne, S.P. (2018). Public Management Review. doi:10.1080/14719037.2017.1350461", module.Literature[0].Text);
        Assert.Contains("<em>Public Management Review</em>", module.Literature[0].Html, StringComparison.Ordinal);
        Assert.Equal(["https://doi.org/10.1080/14719037.2017.1350461"], module.Literature[0].Urls);
        Assert.Equal("Lowe, T. (2020). Public Money & Management, link", module.Literature[1].Text);
        Assert.Equal(["https://doi.org/10.1080/09540962.2020.1832738"], module.Literature[1].Urls);
        Assert.Equal(
            "<h2>What it is</h2>\n<p>Co-creation is <strong>collaborative</strong>.</p>\n<p><img src=\"https://example.org/iceberg.png\" alt=\"Iceberg\"></p>",
            module.BodyHtml);
    }

    [Fact]
    public void Leading_heading_is_the_title_when_front_matter_has_none()
    {
        var module = Import("\n# Spreading co-creation\n\nBody text.\n\n## Reflection\n\n- Why?\n- How?\n", "notes.markdown");

        Assert.Equal("Spreading co-creation", module.Title);
        Assert.Equal("spreading-co-creation", module.Slug);
        Assert.Equal("<p>Body text.</p>", module.BodyHtml);
        Assert.Equal(["Why?", "How?"], module.Prompts);
    }

    [Fact]
    public void Markdown_is_detected_by_content_without_an_extension()
    {
        Assert.Equal("Title", Import("# Title\n\nText", "upload").Title);
    }

    [Fact]
    public void Raw_html_blocks_in_markdown_are_rendered_and_sanitized()
    {
        var module = Import(
            "# T\n\n<div class=\"wp-block-group\"><p style=\"color:red\">Kept <a href=\"javascript:alert(1)\">text</a></p><script>alert(1)</script></div>\n\nAfter.\n");

        Assert.Equal("<p>Kept text</p>\n<p>After.</p>", module.BodyHtml);
    }

    [Fact]
    public void Seed_module_survives_a_markdown_export_and_import()
    {
        var importer = Importers.Create(sanitizer);
        var original = importer.Parse(TestAssets.SeedFileName, TestAssets.Seed()).Modules[0];

        var markdown = ModuleMarkdownExporter.Export(
            original.Title, original.Slug, "Spreading: not upscaling", original.BodyHtml, original.Prompts, original.Literature);
        var result = importer.Parse("spreading-co-creation.md", Encoding.UTF8.GetBytes(markdown));

        Assert.True(result.Succeeded, result.Error?.Message);
        var copy = Assert.Single(result.Modules);
        Assert.Equal(original.Title, copy.Title);
        Assert.Equal(original.Slug, copy.Slug);
        Assert.Equal("Spreading: not upscaling", copy.Summary);
        Assert.Equal(original.Prompts, copy.Prompts);
        Assert.Equal(original.Literature.Select(reference => reference.Text), copy.Literature.Select(reference => reference.Text));
        Assert.Equal(original.Literature.Select(reference => reference.Html), copy.Literature.Select(reference => reference.Html));
        Assert.Equal(original.Literature.Select(reference => reference.Urls), copy.Literature.Select(reference => reference.Urls));
        Assert.Equal(sanitizer.Sanitize(original.BodyHtml), sanitizer.Sanitize(copy.BodyHtml));
    }

    [Fact]
    public void Export_writes_yaml_front_matter_then_the_body()
    {
        var markdown = ModuleMarkdownExporter.Export(
            "Title: with colon", "title", null, "<p>Body</p>", ["Is \"this\" quoted?", "- dash first", "null"], Array.Empty<string>());

        Assert.StartsWith("---\ntitle: 'Title: with colon'\nslug: title\nprompts:\n", markdown, StringComparison.Ordinal);
        Assert.EndsWith("---\n\n<p>Body</p>\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("summary", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("literature", markdown, StringComparison.Ordinal);
        var copy = Import(markdown);
        Assert.Equal(["Is \"this\" quoted?", "- dash first", "null"], copy.Prompts);
    }

    [Fact]
    public void Export_round_trip_keeps_preformatted_blank_lines_and_markdown_like_text()
    {
        var body = sanitizer.Sanitize(
            "<p>Stars *not emphasis* and _under_ [not](a link) &amp; &lt;tag&gt;</p><pre><code>line 1\n\n\nline 4</code></pre><blockquote><p>quote</p></blockquote>");

        var markdown = ModuleMarkdownExporter.Export("T", "t", null, body, Array.Empty<string>(), Array.Empty<string>());
        var copy = Import(markdown);

        Assert.Equal(body, copy.BodyHtml);
    }

    [Fact]
    public void Front_matter_prompts_come_before_prompts_found_in_the_body()
    {
        var module = Import("---\ntitle: T\nprompts: Single prompt?\n---\nText.\n\n**Reflect on:**\n\n> Body prompt?\n");

        Assert.Equal(["Single prompt?", "Body prompt?"], module.Prompts);
        Assert.Equal("<p>Text.</p>", module.BodyHtml);
    }
}
