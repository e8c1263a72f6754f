using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Courses;

public sealed class ImportThroughHttpTests(CourseFactory factory) : IClassFixture<CourseFactory>
{
    private const string Seed = "spreading-co-creation.wp-rest.json";

    private Task<int> ModuleCountAsync(Course course) =>
        factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Modules.CountAsync(m => m.CourseId == course.Id));

    [Fact]
    public async Task Uploading_the_seed_shows_its_prompts_and_literature_before_anything_is_saved()
    {
        var course = await factory.CourseAsync("preview-only", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        using var response = await client.ImportAsync(factory, $"/course-a/courses/{course.Slug}/import", "upload", Seed, Uploads.Asset(Seed));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        var prompts = page.QuerySelectorAll("textarea[name^='Pages[0].Prompts']").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(2, prompts.Count);
        Assert.StartsWith("How do you imagine a successful spreading of co-creation", prompts[0], StringComparison.Ordinal);
        Assert.Equal("What CoSIE experiences of spreading co-creation inspire you most?", prompts[1]);
        Assert.Contains("doi.org/10.1080/14719037.2017.1350461", page.QuerySelector("textarea[name='Pages[0].Literature']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await ModuleCountAsync(course));
    }

    [Fact]
    public async Task Confirming_with_an_edited_prompt_creates_one_draft_module_with_its_literature()
    {
        var course = await factory.CourseAsync("confirmed", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        using var preview = await client.ImportAsync(factory, $"/course-a/courses/{course.Slug}/import", "upload", Seed, Uploads.Asset(Seed));
        var page = await preview.ParseAsync();
        var form = (IHtmlFormElement)page.QuerySelector("form.import-preview")!;
        using var confirmed = await client.PostFormAsync($"/course-a/courses/{course.Slug}/import", form,
            new Dictionary<string, string> { ["Pages[0].Prompts[1]"] = "Which CoSIE experience inspires you most, and why?" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal($"/course-a/courses/{course.Slug}", confirmed.Headers.Location!.OriginalString);

        var module = await factory.InInstitutionAsync(factory.A.Id, (_, db) =>
            db.Modules.Include(m => m.Prompts).SingleAsync(m => m.CourseId == course.Id));
        Assert.Equal("Spreading co-creation", module.Title);
        Assert.Equal("spreading-co-creation", module.Slug);
        Assert.Equal(ModuleStatus.Draft, module.Status);
        Assert.Equal(
            ["How do you imagine a successful spreading of co-creation can take place regarding the co-creation initiatives and their effects from your chosen service pilot to your local and national contexts?",
             "Which CoSIE experience inspires you most, and why?"],
            module.Prompts.OrderBy(p => p.Position).Select(p => p.Text));
        Assert.Equal(5, module.Literature.Count);
        Assert.Contains("https://doi.org/10.1111/spol.12389", module.Literature.SelectMany(l => l.Urls));
        Assert.Equal("wordpress", module.Provenance!.Kind);
        Assert.DoesNotContain("Please reflect upon", module.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_learndash_lesson_shows_its_type_why_each_prompt_was_found_and_what_was_removed()
    {
        var course = await factory.CourseAsync("learndash-lesson", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        var lesson = "{\"id\": 7, \"slug\": \"budget\", \"type\": \"sfwd-lessons\", \"menu_order\": 1, " +
            "\"title\": {\"rendered\": \"Why budget\"}, \"content\": {\"rendered\": " +
            "\"<p>Life costs money.</p><h3>Do przemyślenia</h3><ul><li>Na co oszczędzasz?</li></ul>" +
            "<div class=\\\"wpProQuiz_content\\\"><p>Quiz is loading&#8230;</p></div>\"}}";
        using var response = await client.ImportAsync(factory, $"/course-a/courses/{course.Slug}/import", "upload", "lesson.json", Encoding.UTF8.GetBytes(lesson));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();

        Assert.Contains("WordPress type: sfwd-lessons", page.QuerySelector(".import-page")!.TextContent, StringComparison.Ordinal);
        var prompt = page.QuerySelector("textarea[name='Pages[0].Prompts[0]']")!;
        Assert.Equal("Na co oszczędzasz?", prompt.TextContent.Trim());
        var reason = page.GetElementById(prompt.GetAttribute("aria-describedby")!)!;
        Assert.Equal("Found under the heading “Do przemyślenia”.", reason.TextContent.Trim());
        Assert.Contains("Removed the LearnDash (WP Pro Quiz) quiz: it works only inside WordPress.", page.QuerySelector(".import-page .import-changes")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Quiz is loading", page.QuerySelector(".import-page .prose")!.TextContent, StringComparison.Ordinal);

        var form = (IHtmlFormElement)page.QuerySelector("form.import-preview")!;
        using var confirmed = await client.PostFormAsync($"/course-a/courses/{course.Slug}/import", form, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var module = await factory.InInstitutionAsync(factory.A.Id, (_, db) =>
            db.Modules.Include(m => m.Prompts).SingleAsync(m => m.CourseId == course.Id));
        Assert.Equal(["Na co oszczędzasz?"], module.Prompts.Select(p => p.Text));
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_line_and_position_and_creates_nothing()
    {
        var course = await factory.CourseAsync("malformed", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        using var response = await client.ImportAsync(factory, $"/course-a/courses/{course.Slug}/import", "upload", "broken.json", Encoding.UTF8.GetBytes("{\n  \"title\": {\"rendered\": \"x\"},\n  \"content\": oops\n}"));
        var page = await response.ParseAsync();
        var error = page.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("broken.json was not imported", error, StringComparison.Ordinal);
        Assert.Contains("line 3", error, StringComparison.Ordinal);
        Assert.Equal(0, await ModuleCountAsync(course));
    }

    [Fact]
    public async Task A_json_object_that_is_not_a_page_is_refused_and_says_what_was_expected()
    {
        var course = await factory.CourseAsync("not-a-page", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        using var response = await client.ImportAsync(factory, $"/course-a/courses/{course.Slug}/import", "upload", "user.json", Encoding.UTF8.GetBytes("{\"name\": \"admin\", \"id\": 1}"));
        var error = (await response.ParseAsync()).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Expected a WordPress page", error, StringComparison.Ordinal);
        Assert.Equal(0, await ModuleCountAsync(course));
    }

    [Fact]
    public async Task A_collection_becomes_modules_in_order_with_links_between_them_pointing_at_the_modules()
    {
        var course = await factory.CourseAsync("collection", CourseVisibility.Public);
        const string collection = """
            [
              {"id": 1, "type": "page", "slug": "first-steps", "link": "https://example.org/mooc/first-steps/",
               "title": {"rendered": "First steps"},
               "content": {"rendered": "<p>Continue with <a href=\"https://example.org/mooc/second-steps/\">the second page</a> or read <a href=\"https://elsewhere.example/x\">elsewhere</a>.</p>"}},
              {"id": 2, "type": "page", "slug": "second-steps", "link": "https://example.org/mooc/second-steps/",
               "title": {"rendered": "Second steps"},
               "content": {"rendered": "<p>The second page.</p><p><strong>Reflection</strong></p><ul><li>What changed?</li></ul>"}}
            ]
            """;
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        using var preview = await client.ImportAsync(factory, $"/course-a/courses/{course.Slug}/import", "upload", "pages.json", Encoding.UTF8.GetBytes(collection));
        var form = (IHtmlFormElement)(await preview.ParseAsync()).QuerySelector("form.import-preview")!;
        using var confirmed = await client.PostFormAsync($"/course-a/courses/{course.Slug}/import", form, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var modules = await factory.InInstitutionAsync(factory.A.Id, (_, db) =>
            db.Modules.Include(m => m.Prompts).Where(m => m.CourseId == course.Id).OrderBy(m => m.Position).ToListAsync());
        Assert.Equal(["first-steps", "second-steps"], modules.Select(m => m.Slug));
        Assert.Contains("href=\"/course-a/courses/collection/second-steps\"", modules[0].BodyHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"https://elsewhere.example/x\"", modules[0].BodyHtml, StringComparison.Ordinal);
        Assert.Equal("What changed?", Assert.Single(modules[1].Prompts).Text);
    }

    [Fact]
    public async Task An_exported_module_imports_back_as_the_same_module()
    {
        var course = await factory.CourseAsync("round-trip", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        using var preview = await client.ImportAsync(factory, $"/course-a/courses/{course.Slug}/import", "upload", Seed, Uploads.Asset(Seed));
        var form = (IHtmlFormElement)(await preview.ParseAsync()).QuerySelector("form.import-preview")!;
        (await client.PostFormAsync($"/course-a/courses/{course.Slug}/import", form, new Dictionary<string, string>())).Dispose();

        using var export = await client.GetAsync($"/course-a/courses/{course.Slug}/spreading-co-creation/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/markdown", export.Content.Headers.ContentType!.MediaType);
        var markdown = await export.Content.ReadAsByteArrayAsync();

        var target = await factory.CourseAsync("round-trip-copy", CourseVisibility.Public);
        using var again = await client.ImportAsync(factory, $"/course-a/courses/{target.Slug}/import", "upload", "spreading-co-creation.md", markdown);
        var againForm = (IHtmlFormElement)(await again.ParseAsync()).QuerySelector("form.import-preview")!;
        (await client.PostFormAsync($"/course-a/courses/{target.Slug}/import", againForm, new Dictionary<string, string>())).Dispose();

        var (original, copy) = await factory.InInstitutionAsync(factory.A.Id, async (_, db) =>
        {
            var modules = await db.Modules.Include(m => m.Prompts).Where(m => m.CourseId == course.Id || m.CourseId == target.Id).ToListAsync();
            return (modules.Single(m => m.CourseId == course.Id), modules.Single(m => m.CourseId == target.Id));
        });
        Assert.Equal(original.Title, copy.Title);
        Assert.Equal(original.Slug, copy.Slug);
        Assert.Equal(original.Prompts.OrderBy(p => p.Position).Select(p => p.Text), copy.Prompts.OrderBy(p => p.Position).Select(p => p.Text));
        Assert.Equal(original.Literature.Select(l => l.Text), copy.Literature.Select(l => l.Text));
        Assert.Equal(original.BodyHtml, copy.BodyHtml);
    }

    [Fact]
    public async Task A_whole_course_exports_as_a_zip_of_markdown_files()
    {
        var course = await factory.CourseAsync("zipped", CourseVisibility.Public,
            ("one", "One", ModuleStatus.Published, ["Why?"]), ("two", "Two", ModuleStatus.Draft, []));
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        using var export = await client.GetAsync($"/course-a/courses/{course.Slug}/export");
        Assert.Equal("application/zip", export.Content.Headers.ContentType!.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(await export.Content.ReadAsStreamAsync());
        Assert.Equal(["01-one.md", "02-two.md"], zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public async Task A_whole_site_export_becomes_ordered_draft_modules_whose_links_point_to_each_other()
    {
        var course = await factory.CourseAsync("whole-site", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        static string Item(int id, string slug, string title, string content, string type, int order) =>
            $"<item><title><![CDATA[{title}]]></title><link>https://course.example.org/{slug}/</link>"
            + $"<content:encoded><![CDATA[{content}]]></content:encoded><wp:post_id>{id}</wp:post_id><wp:post_name>{slug}</wp:post_name>"
            + $"<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>{order}</wp:menu_order><wp:post_type>{type}</wp:post_type></item>";
        var export = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
            + "xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><title>Course</title><link>https://course.example.org</link>"
            + "<wp:base_blog_url>https://course.example.org</wp:base_blog_url>"
            + Item(2, "second-step", "Second step", "Build on <a href=\"https://course.example.org/first-step/\">the first step</a>.", "page", 2)
            + Item(1, "first-step", "First step", "Start here.\n\nPlease reflect upon:\n<ul><li>Who uses your service?</li></ul>", "page", 1)
            + Item(3, "news", "News", "Welcome to the course.", "post", 0)
            + "</channel></rss>";

        using var preview = await client.ImportAsync(factory, $"/course-a/courses/{course.Slug}/import", "upload", "site.xml", Encoding.UTF8.GetBytes(export));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await preview.ParseAsync();
        Assert.Equal(["Page 1: First step", "Page 2: Second step"], page.QuerySelectorAll(".import-page h2").Select(h => h.TextContent.Trim()));
        Assert.Equal("The file also holds 1 item of type “post”, not imported.", page.QuerySelector(".import-left-out li")!.TextContent.Trim());
        Assert.Equal("Who uses your service?", page.QuerySelector("textarea[name='Pages[0].Prompts[0]']")!.TextContent.Trim());

        var form = (IHtmlFormElement)page.QuerySelector("form.import-preview")!;
        using var confirmed = await client.PostFormAsync($"/course-a/courses/{course.Slug}/import", form, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var modules = await factory.InInstitutionAsync(factory.A.Id, (_, db) =>
            db.Modules.Where(m => m.CourseId == course.Id).OrderBy(m => m.Position).ToListAsync());
        Assert.Equal(["first-step", "second-step"], modules.Select(m => m.Slug));
        Assert.All(modules, m => Assert.Equal(ModuleStatus.Draft, m.Status));
        Assert.Contains($"href=\"/course-a/courses/{course.Slug}/first-step\"", modules[1].BodyHtml, StringComparison.Ordinal);
    }
}
