using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Courses;

public sealed class ImportLimitsThroughHttpTests(CourseFactory factory) : IClassFixture<CourseFactory>
{
    private Task<int> ModuleCountAsync(Course course) =>
        factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Modules.CountAsync(m => m.CourseId == course.Id));

    private static byte[] Page(string title, string html) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        id = 7,
        type = "page",
        slug = "deep",
        title = new { rendered = title },
        content = new { rendered = html },
    }));

    [Fact]
    public async Task A_deeply_nested_upload_is_refused_with_the_limit_and_creates_nothing()
    {
        var course = await factory.CourseAsync("deep-upload", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        var hostile = Page("Deep", string.Concat(Enumerable.Repeat("<div><blockquote>", 20_000)) + "deep");

        using var response = await client.ImportAsync(factory, $"/course-a/courses/{course.Slug}/import", "upload", "deep.json", hostile);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        var error = page.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("deep.json was not imported", error, StringComparison.Ordinal);
        Assert.Contains("Page #1 of 1 nests its elements more than 64 deep", error, StringComparison.Ordinal);
        Assert.Contains("the limit is 64", error, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.import-preview"));
        Assert.Equal(0, await ModuleCountAsync(course));
    }

    [Fact]
    public async Task A_refused_upload_is_explained_in_the_readers_language()
    {
        var course = await factory.CourseAsync("deep-language", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(PlatformLanguages.Pseudo);

        using var response = await client.ImportAsync(factory, $"/course-a/courses/{course.Slug}/import", "upload", "deep.json", Page("Deep", string.Concat(Enumerable.Repeat("<div>", 100))));

        var error = (await response.ParseAsync()).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("deep.json", error, StringComparison.Ordinal);
        Assert.Contains("64", error, StringComparison.Ordinal);
        Assert.DoesNotContain("nests its elements", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Page #1 of 1", error, StringComparison.Ordinal);
        Assert.DoesNotContain("of its content", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewed_page_posted_back_past_the_limits_is_refused_and_creates_nothing()
    {
        var course = await factory.CourseAsync("deep-confirm", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        using var preview = await client.ImportAsync(factory, $"/course-a/courses/{course.Slug}/import", "upload", "fine.json", Page("Fine", "<p>Fine content.</p>"));
        var form = (IHtmlFormElement)(await preview.ParseAsync()).QuerySelector("form.import-preview")!;

        using var confirmed = await client.PostFormAsync($"/course-a/courses/{course.Slug}/import", form, new Dictionary<string, string>
        {
            ["Pages[0].BodyHtml"] = string.Concat(Enumerable.Repeat("<p>x</p>", 20_000)),
        });

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var error = (await confirmed.ParseAsync()).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Page 1 is past the import limits", error, StringComparison.Ordinal);
        Assert.Equal(0, await ModuleCountAsync(course));
    }
}
