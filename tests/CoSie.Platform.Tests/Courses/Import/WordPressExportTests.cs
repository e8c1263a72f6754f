using System.Text;
using CoSie.Platform.Web.Features.Courses.Import;

namespace CoSie.Platform.Tests.Courses.Import;

public sealed class WordPressExportTests
{
    private const string Header =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:excerpt=\"https://wordpress.org/export/1.2/excerpt/\" "
        + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:wp=\"https://wordpress.org/export/1.2/\">\n<channel>\n"
        + "<title>Course site</title>\n<link>https://course.example.org/site</link>\n"
        + "<wp:base_blog_url>https://course.example.org/site</wp:base_blog_url>\n";

    private readonly ModuleImporter importer = Importers.Create();

    private static byte[] Export(params string[] items) => Encoding.UTF8.GetBytes(Header + string.Concat(items) + "</channel>\n</rss>\n");

    private static string Item(
        int id, string title, string content, string type = "page", int parent = 0, int menuOrder = 0, string status = "publish") =>
        $"<item><title><![CDATA[{title}]]></title><link>https://course.example.org/site/{Slug(title)}/</link>"
        + $"<content:encoded><![CDATA[{content}]]></content:encoded><wp:post_id>{id}</wp:post_id><wp:post_name><![CDATA[{Slug(title)}]]></wp:post_name>"
        + $"<wp:status><![CDATA[{status}]]></wp:status><wp:post_parent>{parent}</wp:post_parent><wp:menu_order>{menuOrder}</wp:menu_order>"
        + $"<wp:post_type><![CDATA[{type}]]></wp:post_type></item>\n";

    private static string Slug(string title) => title.ToLowerInvariant().Replace(' ', '-');

    private ImportResult Imported(string fileName, byte[] content)
    {
        var result = importer.Parse(fileName, content);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result;
    }

    private ImportError Refused(string fileName, string content)
    {
        var result = importer.Parse(fileName, Encoding.UTF8.GetBytes(content));
        Assert.False(result.Succeeded);
        Assert.Empty(result.Modules);
        return result.Error;
    }

    [Fact]
    public void The_sensei_sample_course_imports_its_lessons_in_order_with_their_videos_and_counts_its_quizzes()
    {
        var content = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Courses", "Import", "Exports", "sensei-sample-course.wxr.xml"));

        var result = Imported("sensei.xml", content);

        Assert.Equal(
            ["Your Friend, the Triad", "Introduction to Rhythm", "Subdividing - Musical Math", "Billie Jean by Michael Jackson"],
            result.Modules.Select(module => module.Title));
        Assert.All(result.Modules, module => Assert.Equal("lesson", module.PostType));
        Assert.Equal(["7709", "7711", "7713", "7715"], result.Modules.Select(module => module.SourceId));
        Assert.Equal("http://demo.sensei.com/lesson/your-friend-the-triad/", result.Modules[0].SourceUrl);
        Assert.Equal("http://demo.sensei.com/", result.Modules[0].SourceSiteBaseUrl);
        Assert.Equal(new LeftOut("quiz", 2), Assert.Single(result.LeftOut));

        // The lesson video (kept escaped in Sensei's meta) becomes a click-to-load box; the text gets its paragraphs.
        var triad = result.Modules[0];
        Assert.Contains("youtube-nocookie.com/embed/bkZuqXCIYe8", triad.BodyHtml, StringComparison.Ordinal);
        Assert.Contains(triad.Notes, note => note is ImportNote.EmbedPlaceholder);
        Assert.Contains("<p>A triad is a 3-note chord", triad.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<p>The content for this sample course is provided with permission by <a href=\"http://hdpiano.com/\"", triad.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("Verse &amp; Chorus of ‘Billie Jean’", result.Modules[3].BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_arrive_as_a_site_menu_shows_them_and_posts_are_counted_not_imported()
    {
        var result = Imported("site.xml", Export(
            Item(10, "Module two", "<p>Two.</p>", menuOrder: 2),
            Item(11, "Module one", "<p>One.</p>", menuOrder: 1),
            Item(12, "Reading for one", "<p>Read.</p>", parent: 11, menuOrder: 1),
            Item(13, "Exercise for one", "<p>Try.</p>", parent: 11, menuOrder: 0),
            Item(14, "News", "<p>Welcome.</p>", type: "post"),
            Item(15, "Logo", "", type: "attachment"),
            Item(16, "Old module", "<p>Gone.</p>", status: "trash"),
            Item(17, "Unsaved", "<p>Auto.</p>", status: "auto-draft")));

        Assert.Equal(["Module one", "Exercise for one", "Reading for one", "Module two"], result.Modules.Select(module => module.Title));
        Assert.All(result.Modules, module => Assert.Equal("https://course.example.org/site/", module.SourceSiteBaseUrl));
        Assert.Equal(new LeftOut("post", 1), Assert.Single(result.LeftOut));
    }

    [Fact]
    public void Lessons_of_a_course_plugin_are_the_course_when_the_site_has_them()
    {
        var result = Imported("site.xml", Export(
            Item(1, "About us", "<p>Who we are.</p>"),
            Item(2, "First lesson", "<p>Start.</p>", type: "sfwd-lessons", menuOrder: 1),
            Item(3, "A topic of the first lesson", "<p>More.</p>", type: "sfwd-topic", parent: 2),
            Item(4, "Final quiz", "<p>Quiz.</p>", type: "sfwd-quiz")));

        Assert.Equal(["First lesson", "A topic of the first lesson"], result.Modules.Select(module => module.Title));
        Assert.Equal([new LeftOut("page", 1), new LeftOut("sfwd-quiz", 1)], result.LeftOut);
    }

    [Fact]
    public void Classic_content_gets_its_paragraphs_and_the_prompts_under_a_heading_are_found()
    {
        var classic = "Co-production starts with the people who use a service.\nIt changes who decides.\n\n"
            + "<h3>Questions for reflection</h3>\n<ul>\n<li>Who uses the service you work in?</li>\n<li>What would they change first?</li>\n</ul>\n\n"
            + "<pre>line one\n\nline three</pre>";

        var module = Assert.Single(Imported("site.xml", Export(Item(1, "Co-production", classic))).Modules);

        Assert.Contains("<p>Co-production starts with the people who use a service.<br>\nIt changes who decides.</p>", module.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<pre>line one\n\nline three</pre>", module.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(["Who uses the service you work in?", "What would they change first?"], module.Prompts);
    }

    [Fact]
    public void Block_editor_content_is_kept_as_written()
    {
        var blocks = "<!-- wp:paragraph -->\n<p>First.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>Second\nline.</p>\n<!-- /wp:paragraph -->";

        var module = Assert.Single(Imported("site.xml", Export(Item(1, "Blocks", blocks))).Modules);

        Assert.Contains("<p>Second\nline.</p>", module.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<br>", module.BodyHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export")]
    [InlineData("export.wxr")]
    public void An_export_is_recognised_without_the_xml_extension(string fileName)
    {
        Assert.Single(Imported(fileName, Export(Item(1, "Only page", "<p>Text.</p>"))).Modules);
    }

    [Theory]
    [InlineData("Text.", "<p>Text.</p>")]
    [InlineData("One\ntwo\n\nThree", "<p>One<br />\ntwo</p>\n<p>Three</p>")]
    [InlineData("<div class=\"box\">Boxed</div>\n\nAfter", "<div class=\"box\">Boxed</div>\n<p>After</p>")]
    [InlineData("[caption id=\"a\"]<img src=\"x.png\"> A caption[/caption]\n\nText", "[caption id=\"a\"]<img src=\"x.png\"> A caption[/caption]\n<p>Text</p>")]
    [InlineData("Line<br />\nnext", "<p>Line<br />\nnext</p>")]
    [InlineData("  \r\n\r\n ", "")]
    public void Auto_paragraphs_follow_wordpress(string text, string expected)
    {
        Assert.Equal(expected, WordPressExportParser.AutoParagraph(text));
    }

    [Fact]
    public void A_document_type_with_entities_is_refused_before_anything_expands()
    {
        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<rss><channel><title>&c;</title></channel></rss>";

        Assert.Equal(
            "The file declares a document type (<!DOCTYPE …>) on line 2; WordPress exports have none, and the platform does not read one.",
            Refused("site.xml", laughs).Message);
    }

    [Fact]
    public void An_external_entity_is_never_read()
    {
        var external = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<rss><channel>&secret;</channel></rss>";

        var message = Refused("site.xml", external).Message;

        Assert.StartsWith("The file declares a document type (<!DOCTYPE …>) on line 2", message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_xml_is_refused_with_its_line_and_position()
    {
        var error = Refused("site.xml", Header + "<item><title>Open</item>\n</channel></rss>");

        Assert.StartsWith("The file is not valid XML: line 7, position", error.Message, StringComparison.Ordinal);
        Assert.Equal(7, error.Line);
    }

    [Fact]
    public void Nesting_past_the_limit_is_refused_with_the_limit()
    {
        var deep = Header + "<item><content:encoded>" + string.Concat(Enumerable.Repeat("<x>", 100)) + string.Concat(Enumerable.Repeat("</x>", 100))
            + "</content:encoded></item></channel></rss>";

        Assert.StartsWith("The file nests XML elements more than 64 deep (line 7, position", Refused("site.xml", deep).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body><p>Not an export.</p></body></html>", "html")]
    [InlineData("<rss version=\"2.0\"><channel><title>A podcast feed</title></channel></rss>", "rss")]
    [InlineData("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://example.org/</loc></url></urlset>", "urlset")]
    public void Other_xml_is_refused_with_what_it_is(string xml, string root)
    {
        Assert.Equal(
            $"Expected a WordPress export file (the XML that Tools › Export writes); found an XML document whose root element is <{root}>.",
            Refused("feed.xml", xml).Message);
    }

    [Fact]
    public void An_export_with_only_media_and_menus_has_nothing_to_import()
    {
        Assert.Equal(
            "The WordPress export holds no lessons, pages or posts with content to import.",
            Refused("site.xml", Encoding.UTF8.GetString(Export(Item(1, "Logo", "", type: "attachment"), Item(2, "Home", "", type: "nav_menu_item")))).Message);
    }
}
