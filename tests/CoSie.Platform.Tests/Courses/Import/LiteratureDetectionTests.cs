using CoSie.Platform.Web.Features.Courses.Import;

namespace CoSie.Platform.Tests.Courses.Import;

public sealed class LiteratureDetectionTests
{
    private static ImportedModule Import(string content)
    {
        var result = Importers.Create().Parse("page.json", WordPressJson.Page("Module", content));
        Assert.True(result.Succeeded, result.Error?.Message);
        return Assert.Single(result.Modules);
    }

    [Theory]
    [InlineData("<h2>References</h2>")]
    [InlineData("<h3>Further reading</h3>")]
    [InlineData("<p><strong>Literature</strong></p>")]
    [InlineData("<p><strong>Bibliography:</strong></p>")]
    [InlineData("<p>Suggested reading:</p>")]
    [InlineData("<h2>Indicative literature for further reading</h2>")]
    public void Announced_references_are_taken_out_of_the_body(string announcement)
    {
        var module = Import("<p>Body text.</p>" + announcement + "<p>Author A. (2020). Title one.</p><p>Author B. (2021). Title two.</p>");

        Assert.Equal(["Author A. (2020). Title one.", "Author B. (2021). Title two."], module.Literature.Select(reference => reference.Text));
        Assert.Equal("<p>Body text.</p>", module.BodyHtml);
    }

    [Fact]
    public void List_items_are_references_until_the_next_heading()
    {
        var module = Import(
            "<h2>References</h2><ul><li>One, <em>Journal</em>.</li><li>Two.</li></ul><h2>Appendix</h2><p>Stays.</p>");

        Assert.Equal(["One, Journal.", "Two."], module.Literature.Select(reference => reference.Text));
        Assert.Equal("One, <em>Journal</em>.", module.Literature[0].Html);
        Assert.Equal("<h2>Appendix</h2>\n<p>Stays.</p>", module.BodyHtml);
    }

    [Fact]
    public void Bare_dois_and_addresses_become_links()
    {
        var module = Import(
            "<h2>References</h2><p>Smith (2019). Paper. doi:10.1234/abc.5678.</p>" +
            "<p>Jones (2020). Book. https://doi.org/10.5555/xyz-1, see also https://example.org/book.</p>");

        Assert.Equal(["https://doi.org/10.1234/abc.5678"], module.Literature[0].Urls);
        Assert.Contains("<a href=\"https://doi.org/10.1234/abc.5678\" rel=\"noopener noreferrer\">doi:10.1234/abc.5678</a>.", module.Literature[0].Html, StringComparison.Ordinal);
        Assert.Equal(["https://doi.org/10.5555/xyz-1", "https://example.org/book"], module.Literature[1].Urls);
    }
}
