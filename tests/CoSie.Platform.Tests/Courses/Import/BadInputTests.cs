using System.Text;
using CoSie.Platform.Web.Features.Courses.Import;

namespace CoSie.Platform.Tests.Courses.Import;

public sealed class BadInputTests
{
    private const string ExpectedPage =
        "Expected a WordPress page object (with title.rendered and content.rendered) or an array of them; found";

    private readonly ModuleImporter importer = Importers.Create();

    private ImportError Refused(string fileName, byte[] content)
    {
        var result = importer.Parse(fileName, content);
        Assert.False(result.Succeeded);
        Assert.Empty(result.Modules);
        return result.Error;
    }

    private ImportError Refused(string fileName, string content) => Refused(fileName, Encoding.UTF8.GetBytes(content));

    [Fact]
    public void Empty_file_is_refused()
    {
        Assert.Equal("The file is empty.", Refused("page.json", []).Message);
    }

    [Theory]
    [InlineData("page.json")]
    [InlineData("module.md")]
    public void Whitespace_only_file_is_refused_as_empty(string fileName)
    {
        Assert.Equal("The file is empty.", Refused(fileName, " \r\n\t \n").Message);
    }

    [Fact]
    public void Oversize_file_is_refused_with_its_size()
    {
        var content = new byte[(int)(6.2 * 1024 * 1024)];

        Assert.Equal("The file is 6.2 MB; the limit is 5 MB.", Refused("page.json", content).Message);
    }

    [Fact]
    public void File_of_exactly_the_limit_is_not_refused_for_size()
    {
        var content = Encoding.UTF8.GetBytes("# Title\n\n" + new string('x', ModuleImporter.MaxFileBytes - 9));
        // Only the size is in question here; reading 5 MB may outlast the default time limit on a busy machine.
        var patient = Importers.Create(new ImportLimits { TimeoutSeconds = 300 });

        Assert.True(patient.Parse("big.md", content).Succeeded);
    }

    [Fact]
    public void Invalid_json_is_refused_with_one_based_line_and_position()
    {
        var error = Refused("page.json", "{\n  \"title\": { \"rendered\": \"A\" },\n  \"content\": ]\n}");

        Assert.StartsWith("The file is not valid JSON: line 3, position 14: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
        Assert.Equal(14, error.Position);
    }

    [Fact]
    public void Invalid_json_position_counts_characters_not_bytes()
    {
        var error = Refused("page.json", "{\"title\": \"Vőrumaa ‘x’\" oops}");

        Assert.StartsWith("The file is not valid JSON: line 1, position 25: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_json_is_refused()
    {
        var seed = TestAssets.Seed();

        Assert.StartsWith("The file is not valid JSON: line 1, position", Refused("page.json", seed[..(seed.Length / 2)]).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42", "a number")]
    [InlineData("\"just text\"", "a string")]
    [InlineData("true", "a boolean")]
    [InlineData("null", "null")]
    [InlineData("{\"id\": 1}", "an object without title.rendered and content.rendered")]
    [InlineData("{\"title\": {\"rendered\": \"A\"}}", "an object without content.rendered")]
    [InlineData("{\"title\": \"A\", \"content\": {\"rendered\": \"<p>x</p>\"}}", "an object without title.rendered")]
    [InlineData("{\"type\": \"attachment\", \"title\": {\"rendered\": \"A\"}, \"content\": {\"rendered\": \"<p>x</p>\"}}", "an object of type “attachment”")]
    [InlineData("{\"code\": \"rest_no_route\", \"message\": \"No route was found.\", \"data\": {\"status\": 404}}", "a WordPress error response (rest_no_route: No route was found.)")]
    public void Valid_json_that_is_not_a_page_is_refused_naming_what_was_found(string json, string found)
    {
        var message = Refused("page.json", json).Message;

        Assert.StartsWith(ExpectedPage, message, StringComparison.Ordinal);
        Assert.Contains(found, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Array_with_a_bad_element_is_refused_naming_the_element()
    {
        var json = WordPressJson.Collection(
            WordPressJson.PageObject("One", "<p>1</p>", "one"),
            WordPressJson.PageObject("Two", "<p>2</p>", "two"),
            new { id = 3, title = new { rendered = "Three" } },
            WordPressJson.PageObject("Four", "<p>4</p>", "four"));

        var message = Refused("pages.json", json).Message;

        Assert.Equal($"{ExpectedPage} an array whose element #3 of 4 is an object without content.rendered.", message);
    }

    [Fact]
    public void Empty_array_is_refused()
    {
        Assert.Contains("an empty array", Refused("pages.json", "[]").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_without_content_is_refused_naming_the_page()
    {
        var message = Refused("page.json", WordPressJson.Page("Empty page", "\n<p></p>\n<p>&nbsp;</p><div class=\"wp-block-spacer\" style=\"height:40px\"></div>", "empty-page")).Message;

        Assert.Equal("Page #1 of 1 “Empty page” (slug “empty-page”) has no content after cleaning (no text or images are left).", message);
    }

    [Fact]
    public void Whole_collection_is_refused_when_one_page_is_bad()
    {
        var json = WordPressJson.Collection(
            WordPressJson.PageObject("Good", "<p>Fine</p>", "good"),
            WordPressJson.PageObject("Only script", "<script>alert(1)</script>", "only-script"));

        var message = Refused("pages.json", json).Message;

        Assert.StartsWith("Page #2 of 2 “Only script” (slug “only-script”)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Password_protected_page_is_refused()
    {
        var json = "{\"title\": {\"rendered\": \"Secret\"}, \"slug\": \"secret\", \"content\": {\"rendered\": \"\", \"protected\": true}}";

        Assert.Contains("password-protected", Refused("page.json", json).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_without_title_is_refused()
    {
        var message = Refused("module.md", "Some text without a heading.\n\n## Not a level one heading\n").Message;

        Assert.StartsWith("The Markdown file has no title", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_front_matter_without_title_and_no_heading_is_refused()
    {
        var message = Refused("module.md", "---\nslug: x\nprompts:\n  - Why?\n---\nText only.\n").Message;

        Assert.StartsWith("The Markdown file has no title", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_front_matter_is_refused_with_its_line()
    {
        var error = Refused("module.md", "---\ntitle: Fine\nsummary: \"unclosed\nslug: x\n---\nBody\n");

        Assert.StartsWith("The front matter is not valid YAML: line 3", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Unclosed_flow_list_in_front_matter_is_refused_with_a_line()
    {
        var error = Refused("module.md", "---\ntitle: Fine\nprompts: [one, two\n---\nBody\n");

        Assert.StartsWith("The front matter is not valid YAML: line", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Front_matter_with_wrong_shape_is_refused()
    {
        Assert.Contains("“prompts” on line 3 must be a list", Refused("module.md", "---\ntitle: T\nprompts:\n  a: b\n---\nBody\n").Message, StringComparison.Ordinal);
        Assert.Contains("must be “key: value” lines", Refused("module.md", "---\n- a\n- b\n---\nBody\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_front_matter_is_refused()
    {
        Assert.Contains("never closed", Refused("module.md", "---\ntitle: T\n\n# Body\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_file_is_refused()
    {
        Assert.StartsWith("The file is not a text file", Refused("picture.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_extension_is_refused()
    {
        Assert.StartsWith("Files of type “.docx” cannot be imported", Refused("module.docx", "PK something").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_that_is_not_utf8_is_refused()
    {
        Assert.StartsWith("The file is not UTF-8 text", Refused("module.md", [(byte)'#', (byte)' ', 0xE9, 0x74, 0xE9]).Message, StringComparison.Ordinal);
    }
}
