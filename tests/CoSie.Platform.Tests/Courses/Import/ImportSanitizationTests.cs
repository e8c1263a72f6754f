using System.Text;
using CoSie.Platform.Tests.Content;
using CoSie.Platform.Web.Features.Courses.Import;

namespace CoSie.Platform.Tests.Courses.Import;

public sealed class ImportSanitizationTests
{
    private readonly ModuleImporter importer = Importers.Create();

    public static TheoryData<string> Payloads() => XssCorpus.All();

    [Theory]
    [MemberData(nameof(Payloads))]
    public void WordPress_page_import_removes_executable_content(string payload)
    {
        var result = importer.Parse("page.json", WordPressJson.Page("Title <script>alert(1)</script>", "<p>Safe text</p>" + payload));

        Assert.True(result.Succeeded, result.Error?.Message);
        var module = Assert.Single(result.Modules);
        MarkupAssert.OnlyAllowedMarkup(module.BodyHtml);
        Assert.Contains("<p>Safe text</p>", module.BodyHtml, StringComparison.Ordinal);
        Assert.Equal("Title", module.Title);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Markdown_import_removes_executable_content(string payload)
    {
        var markdown = $"---\ntitle: T\nliterature:\n  - '{payload.Replace("'", "''", StringComparison.Ordinal)}'\n---\nSafe text\n\n{payload}\n\nMore *text* {payload}\n";

        var result = importer.Parse("module.md", Encoding.UTF8.GetBytes(markdown));

        Assert.True(result.Succeeded, result.Error?.Message);
        var module = Assert.Single(result.Modules);
        MarkupAssert.OnlyAllowedMarkup(module.BodyHtml);
        Assert.Contains("<p>Safe text</p>", module.BodyHtml, StringComparison.Ordinal);
        Assert.All(module.Literature, reference => MarkupAssert.OnlyAllowedMarkup(reference.Html));
    }
}
