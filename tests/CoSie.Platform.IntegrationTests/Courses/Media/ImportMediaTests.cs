using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using ImageMagick;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Courses.Media;

public sealed class ImportMediaTests(MediaFactory factory) : IClassFixture<MediaFactory>
{
    private byte[] Page(string body) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        id = 7,
        type = "page",
        slug = "media-page",
        link = $"{factory.Site}/course/media-page/",
        title = new { rendered = "Media page" },
        content = new { rendered = body },
    }));

    private byte[] MediaPage() => Page(
        $"<p>Intro text.</p><figure><img src=\"{factory.Site}/photo.jpg\" alt=\"The pilot team\"></figure>" +
        "<p><img src=\"/big.png\" alt=\"A big picture\"></p>" +
        $"<p><img src=\"{factory.Site}/drawing.svg\"></p>" +
        $"<p><img src=\"{factory.Site}/disguised.png\" alt=\"Disguised\"></p>" +
        "<p><img src=\"http://10.0.0.1/inside.png\" alt=\"Inside\"></p>" +
        $"<audio src=\"{factory.Site}/talk.mp3\">The talk as mp3</audio>" +
        $"<video controls><source src=\"{factory.Site}/long.mp4\" type=\"video/mp4\">The whole film</video>" +
        "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" title=\"Pilot film\"></iframe>" +
        "<iframe src=\"https://maps.example/embed?x=1\" title=\"Office map\"></iframe>");

    private async Task<(IHtmlDocument Preview, HttpClient Client, Course Course)> PreviewAsync(string courseSlug)
    {
        var course = await factory.CourseAsync(courseSlug, CourseVisibility.Public);
        var client = await factory.CreateClientAsAsync(factory.Instructor);
        using var response = await client.ImportAsync(factory, $"/course-a/courses/{course.Slug}/import", "upload", "media.json", MediaPage());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ParseAsync(), client, course);
    }

    private static string Body(IHtmlDocument preview) =>
        ((IHtmlInputElement)preview.QuerySelector("input[name='Pages[0].BodyHtml']")!).Value;

    private static string PhotoAddress(string body) =>
        System.Text.RegularExpressions.Regex.Match(body, "/course-a/media/[0-9a-f]{64}\\.jpg").Value;

    [Fact]
    public async Task Images_are_copied_and_served_from_the_platform_without_their_metadata()
    {
        var (preview, client, _) = await PreviewAsync("media-images");
        using var _ = client;
        var photo = PhotoAddress(Body(preview));
        Assert.NotEmpty(photo);

        using var served = await client.GetAsync(photo);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("immutable", served.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(365), served.Headers.CacheControl.MaxAge);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        using var image = new MagickImage(bytes);
        Assert.Equal((40u, 30u), (image.Width, image.Height));
        Assert.Null(image.GetExifProfile());
        Assert.DoesNotContain("Secret Person", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);

        // The same bytes imported again are the same file, stored once.
        var (again, otherClient, _) = await PreviewAsync("media-images-again");
        otherClient.Dispose();
        Assert.Equal(photo, PhotoAddress(Body(again)));
        Assert.Equal(1, await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.MediaFiles.CountAsync(m => m.ContentType == "image/jpeg")));
    }

    [Fact]
    public async Task The_preview_lists_what_was_not_copied_and_the_images_without_alternative_text()
    {
        var (preview, client, _) = await PreviewAsync("media-warnings");
        client.Dispose();
        var warnings = preview.QuerySelectorAll(".import-warnings li").Select(li => li.TextContent).ToList();

        Assert.Contains(warnings, w => w.Contains("/big.png", StringComparison.Ordinal) && w.Contains("larger than the limit", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("/drawing.svg", StringComparison.Ordinal) && w.Contains("not a file type the platform keeps", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("/disguised.png", StringComparison.Ordinal) && w.Contains("not a file type the platform keeps", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("/drawing.svg", StringComparison.Ordinal) && w.Contains("no alternative text", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("10.0.0.1", StringComparison.Ordinal) && w.Contains("private network", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("/long.mp4", StringComparison.Ordinal) && w.Contains("stays a link", StringComparison.Ordinal));
        var changes = preview.QuerySelectorAll(".import-changes li").Select(li => li.TextContent).ToList();
        Assert.Contains(changes, c => c.Contains("/talk.mp3", StringComparison.Ordinal) && c.Contains("player", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("YouTube", StringComparison.Ordinal) && c.Contains("www.youtube-nocookie.com", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("https://maps.example/embed?x=1", StringComparison.Ordinal) && c.Contains("link", StringComparison.Ordinal));
        Assert.Equal(0, await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.MediaFiles.CountAsync(m => m.ContentType == "image/svg+xml" || m.ContentType == "video/mp4")));
    }

    [Fact]
    public async Task Confirmed_modules_play_copied_audio_link_what_was_too_large_and_load_embeds_only_on_request()
    {
        var (preview, client, course) = await PreviewAsync("media-confirmed");
        using var _ = client;
        var form = (IHtmlFormElement)preview.QuerySelector("form.import-preview")!;
        using var confirmed = await client.PostFormAsync($"/course-a/courses/{course.Slug}/import", form, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var module = await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Modules.SingleAsync(m => m.CourseId == course.Id));
        Assert.Matches("<audio src=\"/course-a/media/[0-9a-f]{64}\\.mp3\" controls=\"\" preload=\"metadata\"><a href=\"/course-a/media/[0-9a-f]{64}\\.mp3\"", module.BodyHtml);
        Assert.Contains($"<a href=\"{factory.Site}/long.mp4\" rel=\"noopener noreferrer\">The whole film</a>", module.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("data-embed=\"youtube\"", module.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", module.BodyHtml, StringComparison.Ordinal);

        using var page = await client.GetAsync($"/course-a/courses/{course.Slug}/{module.Slug}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("; frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://www.openstreetmap.org https://h5p.org", csp, StringComparison.Ordinal);
        var document = await page.ParseAsync();
        var embed = document.QuerySelector(".embed[data-embed-src]")!;
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", embed.GetAttribute("data-embed-src"));
        Assert.Contains("www.youtube-nocookie.com", embed.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", embed.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(document.QuerySelector("iframe"));
        Assert.NotNull(document.QuerySelector("script[src*='js/embeds/index']"));

        using var audio = await client.GetAsync(System.Text.RegularExpressions.Regex.Match(module.BodyHtml, "/course-a/media/[0-9a-f]{64}\\.mp3").Value);
        Assert.Equal("audio/mpeg", audio.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_exported_module_imports_back_with_its_players_and_images()
    {
        var (preview, client, course) = await PreviewAsync("media-round-trip");
        using var _ = client;
        var form = (IHtmlFormElement)preview.QuerySelector("form.import-preview")!;
        (await client.PostFormAsync($"/course-a/courses/{course.Slug}/import", form, new Dictionary<string, string>())).Dispose();
        using var export = await client.GetAsync($"/course-a/courses/{course.Slug}/media-page/export");
        var markdown = await export.Content.ReadAsByteArrayAsync();

        var target = await factory.CourseAsync("media-round-trip-copy", CourseVisibility.Public);
        using var again = await client.ImportAsync(factory, $"/course-a/courses/{target.Slug}/import", "upload", "media-page.md", markdown);
        var body = Body(await again.ParseAsync());

        Assert.Matches("<audio src=\"/course-a/media/[0-9a-f]{64}\\.mp3\" controls", body);
        Assert.Contains(PhotoAddress(Body(preview)), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_institutions_address_does_not_serve_the_file()
    {
        var (preview, client, _) = await PreviewAsync("media-isolated");
        using var visitor = client;
        var photo = PhotoAddress(Body(preview));

        using var own = await visitor.GetAsync(photo);
        using var other = await visitor.GetAsync(photo.Replace("/course-a/", "/course-b/", StringComparison.Ordinal));
        using var wrongType = await visitor.GetAsync(photo.Replace(".jpg", ".png", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongType.StatusCode);
    }

    [Fact]
    public async Task Module_pages_frame_only_the_embed_providers()
    {
        var course = await factory.CourseAsync("media-csp", CourseVisibility.Public, ("plain", "Plain", ModuleStatus.Published, []));
        using var client = await factory.CreateClientAsAsync(factory.Learner);
        using var module = await client.GetAsync($"/course-a/courses/{course.Slug}/plain");
        using var other = await client.GetAsync($"/course-a/courses/{course.Slug}");

        Assert.EndsWith("; frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://www.openstreetmap.org https://h5p.org",
            string.Join(";", module.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.DoesNotContain("frame-src", string.Join(";", other.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }
}
