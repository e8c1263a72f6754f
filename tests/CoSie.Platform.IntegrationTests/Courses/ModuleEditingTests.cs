using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Courses;

public sealed class ModuleEditingTests(CourseFactory factory) : IClassFixture<CourseFactory>
{
    [Theory]
    [InlineData("Html", "<p>Hi</p><script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a><iframe src=\"https://evil.example\"></iframe><div style=\"background:url(javascript:alert(4))\">y</div><svg onload=alert(5)></svg><form><input name=a></form><a href=\"data:text/html;base64,PHNjcmlwdD4=\">d</a>")]
    [InlineData("Markdown", "Hi\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[x](javascript:alert(3))\n\n<iframe src=\"https://evil.example\"></iframe>\n\n<svg onload=alert(5)></svg>")]
    public async Task A_module_written_with_hostile_markup_is_stored_inert(string format, string body)
    {
        var course = await factory.CourseAsync($"xss-{format.ToLowerInvariant()}", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        using var response = await client.SubmitAsync($"/course-a/courses/{course.Slug}/modules/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Hostile",
            ["Input.Format"] = format,
            ["Input.Body"] = body,
            ["command"] = "publish",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Modules.SingleAsync(m => m.CourseId == course.Id));
        foreach (var danger in new[] { "<script", "onerror", "javascript:", "<iframe", "<svg", "onload", "<form", "<input", "style=", "data:" })
        {
            Assert.DoesNotContain(danger, stored.BodyHtml, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("Hi", stored.BodyHtml, StringComparison.Ordinal);

        var page = await new HttpClient(factory.Server.CreateHandler()) { BaseAddress = factory.Server.BaseAddress }
            .GetStringAsync($"/course-a/courses/{course.Slug}/hostile");
        Assert.DoesNotContain("alert(", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompts_are_added_reordered_and_removed_without_javascript()
    {
        var course = await factory.CourseAsync("prompt-list", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        var url = $"/course-a/courses/{course.Slug}/modules/new";
        using var added = await client.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.Title"] = "Prompts",
            ["Input.Prompts[0].Text"] = "First?",
            ["command"] = "add-prompt",
        });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var page = await added.ParseAsync();
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form.module-form")!;
        Assert.Equal(2, page.QuerySelectorAll("textarea[name^='Input.Prompts']").Length);

        using var reordered = await client.PostFormAsync(url, form, new Dictionary<string, string>
        {
            ["Input.Prompts[1].Text"] = "Second?",
            ["command"] = "up-1",
        });
        var reorderedPage = await reordered.ParseAsync();
        Assert.Equal(["Second?", "First?"], reorderedPage.QuerySelectorAll("textarea[name^='Input.Prompts']").Select(t => t.TextContent));

        var reorderedForm = (AngleSharp.Html.Dom.IHtmlFormElement)reorderedPage.QuerySelector("form.module-form")!;
        using var removed = await client.PostFormAsync(url, reorderedForm, new Dictionary<string, string> { ["command"] = "remove-1" });
        var removedForm = (AngleSharp.Html.Dom.IHtmlFormElement)(await removed.ParseAsync()).QuerySelector("form.module-form")!;
        using var saved = await client.PostFormAsync(url, removedForm, new Dictionary<string, string> { ["command"] = "save" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var module = await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Modules.Include(m => m.Prompts).SingleAsync(m => m.CourseId == course.Id));
        Assert.Equal("Second?", Assert.Single(module.Prompts).Text);
        Assert.Equal(ModuleStatus.Draft, module.Status);
    }

    [Fact]
    public async Task Editing_prompts_keeps_the_ids_of_those_that_stay()
    {
        var course = await factory.CourseAsync("stable-ids", CourseVisibility.Public, ("m", "Module", ModuleStatus.Published, ["Keep?", "Drop?"]));
        var before = await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.ReflectionPrompts.Where(p => p.Text == "Keep?").Select(p => p.Id).SingleAsync());
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        using var response = await client.SubmitAsync($"/course-a/courses/{course.Slug}/m/edit", new Dictionary<string, string>
        {
            ["Input.Prompts[0].Text"] = "Keep, reworded?",
            ["Input.Prompts[1].Text"] = "",
            ["command"] = "save",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var prompts = await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.ReflectionPrompts.Where(p => p.ModuleId == db.Modules.Single(m => m.CourseId == course.Id).Id).ToListAsync());
        var kept = Assert.Single(prompts);
        Assert.Equal(before, kept.Id);
        Assert.Equal("Keep, reworded?", kept.Text);
    }

    [Fact]
    public async Task A_duplicate_or_reserved_module_slug_is_refused_and_nothing_is_saved()
    {
        var course = await factory.CourseAsync("slugs", CourseVisibility.Public, ("taken", "Taken", ModuleStatus.Draft, []));
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        foreach (var (slug, message) in new[] { ("taken", "already uses"), ("edit", "used by the course pages"), ("Not A Slug", "lowercase") })
        {
            using var response = await client.SubmitAsync($"/course-a/courses/{course.Slug}/modules/new", new Dictionary<string, string>
            {
                ["Input.Title"] = "Another",
                ["Input.Slug"] = slug,
                ["command"] = "save",
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, (await response.ParseAsync()).QuerySelector("[data-valmsg-for='Input.Slug']")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal(1, await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Modules.CountAsync(m => m.CourseId == course.Id)));
    }

    [Fact]
    public async Task The_live_preview_renders_the_body_through_the_same_sanitizer()
    {
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        var course = await factory.CourseAsync("preview", CourseVisibility.Public);
        var page = await client.GetDocumentAsync($"/course-a/courses/{course.Slug}/modules/new");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Body"] = "**bold** <script>alert(1)</script>",
            ["Input.Format"] = "Markdown",
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync("/course-a/courses/preview", content);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_module_needs_confirmation()
    {
        var course = await factory.CourseAsync("deleting", CourseVisibility.Public, ("gone", "Gone", ModuleStatus.Draft, ["Why?"]));
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        using var unconfirmed = await client.SubmitAsync($"/course-a/courses/{course.Slug}/gone/delete", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Equal(1, await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Modules.CountAsync(m => m.CourseId == course.Id)));

        using var confirmed = await client.SubmitAsync($"/course-a/courses/{course.Slug}/gone/delete", new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(0, await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Modules.CountAsync(m => m.CourseId == course.Id)));
    }
}
