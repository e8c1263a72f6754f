using System.Net;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Courses;

// A live WordPress site read through its REST API by the import job, against recorded answers on loopback.
public sealed class SiteImportTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private Task<int> ModuleCountAsync(Course course) =>
        factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Modules.CountAsync(m => m.CourseId == course.Id));

    private async Task<HttpResponseMessage> ImportSiteAsync(HttpClient client, Course course, string site, string type = "pages")
    {
        var response = await client.SubmitAsync($"/course-a/courses/{course.Slug}/import", new Dictionary<string, string>
        {
            ["Site.Address"] = site,
            ["Site.PostType"] = type,
        }, formSelector: "form.import-site");
        return await ImportJobs.FollowAsync(client, factory, response);
    }

    [Fact]
    public async Task A_site_is_read_page_by_page_waiting_when_asked_and_its_pages_arrive_in_order()
    {
        var course = await factory.CourseAsync("live-site", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);

        using var response = await ImportSiteAsync(client, course, factory.Site + "/course/");

        var page = await response.ParseAsync();
        Assert.Equal(
            ["Page 1: Welcome to the course", "Page 2: Listening to citizens", "Page 3: Acting together"],
            page.QuerySelectorAll(".import-page h2").Select(h => h.TextContent.Trim()));
        Assert.Equal("Whom does your service not hear yet?", page.QuerySelector("textarea[name='Pages[1].Prompts[0]']")!.TextContent.Trim());
        var asked = factory.Requests.Where(r => r.StartsWith("/course/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["/course/wp-json/wp/v2/pages?per_page=100&page=1&orderby=menu_order&order=asc",
             "/course/wp-json/wp/v2/pages?per_page=100&page=2&orderby=menu_order&order=asc",
             "/course/wp-json/wp/v2/pages?per_page=100&page=2&orderby=menu_order&order=asc"],
            asked);
        var stored = await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.CourseImports.SingleAsync(i => i.CourseId == course.Id));
        Assert.Equal((2, 2), (stored.ProgressDone, stored.ProgressTotal));
        Assert.Equal("site", stored.SourceKind);

        using var confirmed = await client.PostFormAsync($"/course-a/courses/{course.Slug}/import/{stored.Id}", (IHtmlFormElement)page.QuerySelector("form.import-preview")!, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var welcome = await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Modules.SingleAsync(m => m.CourseId == course.Id && m.Slug == "welcome"));
        Assert.Contains($"/course-a/courses/{course.Slug}/listening", welcome.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(3, await ModuleCountAsync(course));
    }

    [Fact]
    public async Task Lessons_of_a_course_plugin_are_read_by_their_type()
    {
        var course = await factory.CourseAsync("live-lessons", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);

        using var response = await ImportSiteAsync(client, course, factory.Site + "/lessons", "sfwd-lessons");

        var page = await response.ParseAsync();
        Assert.Contains("WordPress type: sfwd-lessons", page.QuerySelector(".import-page")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Na co oszczędzasz?", page.QuerySelector("textarea[name='Pages[0].Prompts[0]']")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_bad_answer_fails_the_import_with_its_page_and_leaves_nothing()
    {
        var course = await factory.CourseAsync("live-broken", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);

        using var response = await ImportSiteAsync(client, course, factory.Site + "/broken");

        var error = (await response.ParseAsync()).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Page 2 of the content of", error, StringComparison.Ordinal);
        Assert.Contains("is not a WordPress REST answer", error, StringComparison.Ordinal);
        Assert.Equal(0, await ModuleCountAsync(course));
    }

    [Fact]
    public async Task A_missing_type_and_a_site_that_asks_to_wait_too_long_are_explained()
    {
        var course = await factory.CourseAsync("live-missing", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);

        using var missing = await ImportSiteAsync(client, course, factory.Site + "/missing");
        using var slow = await ImportSiteAsync(client, course, factory.Site + "/slow");

        Assert.Contains("has no content of this type in its REST API", (await missing.ParseAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("asked to wait 3,600 seconds", (await slow.ParseAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await ModuleCountAsync(course));
    }

    [Fact]
    public async Task An_address_that_is_not_a_web_address_or_a_type_not_offered_is_refused_on_the_form()
    {
        var course = await factory.CourseAsync("live-bad-form", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);

        using var notUrl = await ImportSiteAsync(client, course, "not a site");
        using var badType = await ImportSiteAsync(client, course, factory.Site + "/course", "users");
        using var ftp = await ImportSiteAsync(client, course, "ftp://example.org/");

        Assert.Equal(HttpStatusCode.OK, notUrl.StatusCode);
        Assert.Contains("Enter the site's address starting with https://.", (await notUrl.ParseAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Choose a type from the list.", (await badType.ParseAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ftp.StatusCode);
        Assert.Equal(0, await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.CourseImports.CountAsync(i => i.CourseId == course.Id)));
    }
}
