using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Courses;

public sealed class CourseVisibilityTests(CourseFactory factory) : IClassFixture<CourseFactory>
{
    private HttpClient Anonymous() => factory.CreateBrowserLikeClient();

    [Fact]
    public async Task Anyone_reads_the_published_modules_of_a_public_course_but_not_its_drafts()
    {
        await factory.CourseAsync("open", CourseVisibility.Public,
            ("published", "Published module", ModuleStatus.Published, ["What do you think?"]),
            ("draft", "Draft module", ModuleStatus.Draft, []));
        using var client = Anonymous();
        var course = await client.GetDocumentAsync("/course-a/courses/open");
        var titles = course.QuerySelectorAll(".module-list h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Published module"], titles);

        var module = await client.GetDocumentAsync("/course-a/courses/open/published");
        Assert.Equal("What do you think?", module.QuerySelector(".prompt-text")!.TextContent);
        using var draft = await client.GetAsync("/course-a/courses/open/draft");
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
    }

    [Fact]
    public async Task A_members_only_course_asks_visitors_to_sign_in_and_is_open_to_members()
    {
        await factory.CourseAsync("closed", CourseVisibility.MembersOnly, ("inside", "Inside", ModuleStatus.Published, []));
        using var anonymous = Anonymous();
        using var refused = await anonymous.GetAsync("/course-a/courses/closed");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/Login", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var home = await anonymous.GetDocumentAsync("/course-a");
        Assert.DoesNotContain(home.QuerySelectorAll("main h3").Select(h => h.TextContent), t => t.Contains("closed", StringComparison.Ordinal));

        using var learner = await factory.CreateClientAsAsync(factory.Learner);
        var page = await learner.GetDocumentAsync("/course-a/courses/closed/inside");
        Assert.Equal("Inside", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Learners_cannot_open_or_post_to_the_course_editing_pages()
    {
        await factory.CourseAsync("guarded", CourseVisibility.Public, ("m", "Module", ModuleStatus.Published, ["Why?"]));
        using var learner = await factory.CreateClientAsAsync(factory.Learner);
        foreach (var url in new[] { "/course-a/courses/new", "/course-a/courses/guarded/edit", "/course-a/courses/guarded/modules/new", "/course-a/courses/guarded/m/edit", "/course-a/courses/guarded/import", "/course-a/courses/guarded/export", "/course-a/courses/guarded/m/export", "/course-a/courses/guarded/m/delete" })
        {
            using var response = await learner.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url} answered {(int)response.StatusCode}");
        }
        using var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var form = await instructor.GetDocumentAsync("/course-a/courses/guarded/m/delete");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        // The learner replays an instructor's form (with the learner's own session): still refused.
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["confirm"] = "true", ["__RequestVerificationToken"] = token });
        using var attempt = await learner.PostAsync("/course-a/courses/guarded/m/delete", content);
        Assert.True(attempt.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest);
        Assert.Equal(1, await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Modules.CountAsync(m => m.Slug == "m" && db.Courses.Any(c => c.Id == m.CourseId && c.Slug == "guarded"))));
    }

    [Fact]
    public async Task People_of_another_institution_get_404_on_every_course_page_and_change_nothing()
    {
        await factory.CourseAsync("private-a", CourseVisibility.MembersOnly, ("m", "Module", ModuleStatus.Published, ["Why?"]));
        foreach (var user in new[] { factory.Stranger, factory.OtherInstructor })
        {
            using var client = await factory.CreateClientAsAsync(user);
            foreach (var url in new[] { "/course-a/courses/new", "/course-a/courses/private-a", "/course-a/courses/private-a/m", "/course-a/courses/private-a/edit", "/course-a/courses/private-a/modules/new", "/course-a/courses/private-a/m/edit", "/course-a/courses/private-a/import", "/course-a/courses/private-a/export", "/course-a/courses/private-a/m/delete" })
            {
                using var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{user.Email} on {url} answered {(int)response.StatusCode}");
            }
            // Their own institution's form and token, aimed at institution A.
            var ownForm = await client.GetDocumentAsync("/course-b/courses/new");
            var token = ownForm.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? string.Empty;
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Title"] = "Smuggled", ["__RequestVerificationToken"] = token });
            using var post = await client.PostAsync("/course-a/courses/new", content);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        Assert.False(await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Courses.AnyAsync(c => c.Title == "Smuggled")));
    }

    [Fact]
    public async Task Instructors_reorder_modules()
    {
        await factory.CourseAsync("ordered", CourseVisibility.Public,
            ("first", "First", ModuleStatus.Published, []), ("second", "Second", ModuleStatus.Published, []));
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        var page = await client.GetDocumentAsync("/course-a/courses/ordered");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelectorAll(".module-list form")[1];
        using var moved = await client.PostFormAsync("/course-a/courses/ordered", form, new Dictionary<string, string>(), submitName: "direction");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = await Anonymous().GetDocumentAsync("/course-a/courses/ordered");
        Assert.Equal(["Second", "First"], after.QuerySelectorAll(".module-list h3").Select(h => h.TextContent.Trim()));
    }
}
