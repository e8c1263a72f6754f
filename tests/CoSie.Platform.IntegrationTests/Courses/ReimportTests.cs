using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Courses;

// Importing a page again whose source object a module came from updates that module: the preview says what changes,
// and prompts that stay keep their reflections.
public sealed class ReimportTests(CourseFactory factory) : IClassFixture<CourseFactory>
{
    private const string Unchanged = "Whom does your service not hear yet?";
    private const string Reworded = "Which meeting could you hold in a library?";
    private const string AnsweredAndDropped = "What did the last complaint teach you?";
    private const string Dropped = "Where do citizens already meet?";
    private const string Added = "What would change if users chaired the board?";

    private static byte[] Site(params (int Id, string Slug, string Title, string Body, string[] Prompts)[] pages) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(pages.Select((page, index) => new Dictionary<string, object>
        {
            ["id"] = page.Id,
            ["slug"] = page.Slug,
            ["type"] = "page",
            ["status"] = "publish",
            ["menu_order"] = index,
            ["parent"] = 0,
            ["link"] = $"https://mooc.example.org/{page.Slug}/",
            ["title"] = new { rendered = page.Title },
            ["content"] = new
            {
                rendered = $"<p>{page.Body}</p>\n<h3>Questions for reflection</h3>\n<ol>{string.Concat(page.Prompts.Select(p => $"<li>{p}</li>"))}</ol>\n",
                @protected = false,
            },
        })));

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, HttpResponseMessage status)
    {
        var page = await status.ParseAsync();
        var form = page.QuerySelector("form.import-preview") as IHtmlFormElement
            ?? throw new InvalidOperationException("No preview: " + Forms.Excerpt(page.Body!.TextContent));
        return await client.PostFormAsync(status.RequestMessage!.RequestUri!.PathAndQuery, form, new Dictionary<string, string>());
    }

    private async Task<HttpResponseMessage> ImportAsync(HttpClient client, string institution, string course, byte[] file) =>
        await client.ImportAsync(factory, $"/{institution}/courses/{course}/import", "upload", "course.json", file);

    [Fact]
    public async Task Importing_a_changed_page_again_shows_the_changes_and_updates_its_module_keeping_reflections()
    {
        var course = await factory.CourseAsync("reimport", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        using var first = await ImportAsync(client, "course-a", course.Slug, Site((501, "listening", "Listening", "Listen first.", [Unchanged, Reworded, AnsweredAndDropped, Dropped])));
        using (var confirmed = await ConfirmAsync(client, first))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }
        var module = await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Modules.Include(m => m.Prompts).AsNoTracking().SingleAsync(m => m.CourseId == course.Id));
        var prompts = module.Prompts.ToDictionary(p => p.Text);
        var cohort = await Seed.CohortAsync(factory, factory.A, course, "Spring", factory.Instructor);
        var kept = await factory.ReflectionAsync(factory.A, cohort, prompts[Unchanged], factory.Instructor, "Those who never write to us.");
        await factory.ReflectionAsync(factory.A, cohort, prompts[AnsweredAndDropped], factory.Instructor, "To ask sooner.");

        using var second = await ImportAsync(client, "course-a", course.Slug, Site(
            (501, "listening", "Listening to citizens", "Listen first, then act.", [Unchanged, "Which meeting could you hold in the library?", Added]),
            (502, "acting", "Acting together", "Act.", ["Which decision could you share next month?"])));

        var preview = await second.ParseAsync();
        var pages = preview.QuerySelectorAll(".import-page");
        var update = pages[0].QuerySelector(".import-update")!;
        Assert.Contains("Updates the module “Listening”", update.TextContent, StringComparison.Ordinal);
        Assert.Contains("was “Listening”", update.QuerySelector("[data-change='title']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("The text changed.", update.QuerySelector("[data-change='body']")!.TextContent.Trim());
        Assert.Equal($"Prompt unchanged: {Unchanged}", Assert.Single(update.QuerySelectorAll("[data-change='prompt-unchanged']")).TextContent.Trim());
        Assert.Contains($"(was “{Reworded}”)", Assert.Single(update.QuerySelectorAll("[data-change='prompt-changed']")).TextContent, StringComparison.Ordinal);
        Assert.Equal($"New prompt: {Added}", Assert.Single(update.QuerySelectorAll("[data-change='prompt-added']")).TextContent.Trim());
        Assert.Equal($"Prompt removed: {Dropped}", Assert.Single(update.QuerySelectorAll("[data-change='prompt-removed']")).TextContent.Trim());
        Assert.Contains(AnsweredAndDropped, Assert.Single(update.QuerySelectorAll("[data-change='prompt-kept']")).TextContent, StringComparison.Ordinal);
        Assert.Null(pages[0].QuerySelector("input[name='Pages[0].Slug']"));
        Assert.Null(pages[1].QuerySelector(".import-update"));

        using (var confirmed = await ConfirmAsync(client, second))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }
        var modules = await factory.InInstitutionAsync(factory.A.Id, (_, db) =>
            db.Modules.Include(m => m.Prompts).AsNoTracking().Where(m => m.CourseId == course.Id).OrderBy(m => m.Position).ToListAsync());
        Assert.Equal(["listening", "acting"], modules.Select(m => m.Slug));
        var updated = modules[0];
        Assert.Equal(module.Id, updated.Id);
        Assert.Equal("Listening to citizens", updated.Title);
        Assert.Contains("then act", updated.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(
            [Unchanged, "Which meeting could you hold in the library?", Added, AnsweredAndDropped],
            updated.Prompts.OrderBy(p => p.Position).Select(p => p.Text));
        Assert.Equal(prompts[Unchanged].Id, updated.Prompts.Single(p => p.Text == Unchanged).Id);
        Assert.Equal(prompts[Reworded].Id, updated.Prompts.Single(p => p.Text.EndsWith("the library?", StringComparison.Ordinal)).Id);
        Assert.Equal(prompts[AnsweredAndDropped].Id, updated.Prompts.Single(p => p.Text == AnsweredAndDropped).Id);
        Assert.True(await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Reflections.AnyAsync(r => r.Id == kept.Id && r.PromptId == prompts[Unchanged].Id)));
    }

    [Fact]
    public async Task The_same_page_again_says_nothing_changed()
    {
        var course = await factory.CourseAsync("reimport-same", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        var file = Site((601, "same", "Same", "Still the same.", [Unchanged]));
        using var first = await ImportAsync(client, "course-a", course.Slug, file);
        using (await ConfirmAsync(client, first))
        {
        }

        using var second = await ImportAsync(client, "course-a", course.Slug, file);

        var update = (await second.ParseAsync()).QuerySelector(".import-update")!;
        Assert.Contains("Nothing changed since the module was imported.", update.TextContent, StringComparison.Ordinal);
        Assert.Equal("The text is the same.", update.QuerySelector("[data-change='body']")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_module_of_another_institution_or_course_with_the_same_source_is_never_updated()
    {
        var file = Site((701, "shared", "Shared page", "Everyone imports this.", [Unchanged]));
        var courseOfB = await Seed.CourseAsync(factory, factory.B, "reimport-of-b", "Course of B", CourseVisibility.Public);
        using (var other = await factory.CreateClientAsAsync(factory.OtherInstructor))
        {
            using var intoB = await ImportAsync(other, "course-b", courseOfB.Slug, file);
            using var confirmedB = await ConfirmAsync(other, intoB);
            Assert.Equal(HttpStatusCode.Redirect, confirmedB.StatusCode);
        }
        var otherCourse = await factory.CourseAsync("reimport-other-course", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        using (var intoOther = await ImportAsync(client, "course-a", otherCourse.Slug, file))
        using (await ConfirmAsync(client, intoOther))
        {
        }
        var course = await factory.CourseAsync("reimport-isolated", CourseVisibility.Public);

        using var response = await ImportAsync(client, "course-a", course.Slug, file);

        var preview = await response.ParseAsync();
        Assert.NotNull(preview.QuerySelector("form.import-preview"));
        Assert.Null(preview.QuerySelector(".import-update"));
        using (var confirmed = await ConfirmAsync(client, response))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }
        Assert.Equal(1, await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Modules.CountAsync(m => m.CourseId == course.Id)));
        Assert.Equal(1, await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Modules.CountAsync(m => m.CourseId == otherCourse.Id)));
        var ofB = await factory.InInstitutionAsync(factory.B.Id, (_, db) => db.Modules.AsNoTracking().SingleAsync(m => m.CourseId == courseOfB.Id));
        Assert.Equal(ofB.CreatedAt, ofB.UpdatedAt);
    }

    [Fact]
    public async Task The_module_editor_refuses_to_remove_a_prompt_members_reflected_on()
    {
        var course = await factory.CourseAsync("answered-prompt", CourseVisibility.Public, ("m", "Module", ModuleStatus.Published, [Unchanged, Dropped]));
        var module = await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Modules.Include(m => m.Prompts).AsNoTracking().SingleAsync(m => m.CourseId == course.Id));
        var cohort = await Seed.CohortAsync(factory, factory.A, course, "Autumn", factory.Instructor);
        await factory.ReflectionAsync(factory.A, cohort, module.Prompts.Single(p => p.Text == Unchanged), factory.Instructor, "Nobody, we hope.");
        using var client = await factory.CreateClientAsAsync(factory.Instructor);

        using var refused = await client.SubmitAsync($"/course-a/courses/{course.Slug}/m/edit", new Dictionary<string, string> { ["Input.Prompts[0].Text"] = "" });
        using var allowed = await client.SubmitAsync($"/course-a/courses/{course.Slug}/m/edit", new Dictionary<string, string> { ["Input.Prompts[1].Text"] = "" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"“{Unchanged}” cannot be removed", (await refused.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        var prompts = await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.ReflectionPrompts.Where(p => p.ModuleId == module.Id).Select(p => p.Text).ToListAsync());
        Assert.Equal([Unchanged], prompts);
    }
}
