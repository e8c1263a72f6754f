using CoSie.Platform.BrowserTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Courses;

[Collection(SharedChromium.Name)]
public sealed class ModuleEditorPreviewTests(Chromium chromium, BrowserAppFactory app)
    : BrowserTest(chromium, app), IClassFixture<BrowserAppFactory>
{
    private const string Markdown = "## Why co-creation spreads\n\nIt needs **trust** between professionals and citizens.\n\n- pilots\n- networks";

    [Fact]
    public async Task Preview_follows_the_Markdown_as_the_instructor_types()
    {
        await SeedCourseAsync("live", "lena@live.test");
        var page = await OpenPageAsync();
        await page.SignInAsync("lena@live.test", institution: "live");
        await page.GotoAsync("/live/courses/workshop/modules/new");

        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Update preview" }).IsVisibleAsync(),
            "With JavaScript the preview updates by itself, so its button is hidden.");
        await page.GetByLabel("Body", new() { Exact = true }).FillAsync(Markdown);

        var preview = page.Locator(".preview-body");
        await preview.Locator("h2", new() { HasText = "Why co-creation spreads" }).WaitForAsync();
        Assert.Equal("trust", await preview.Locator("strong").InnerTextAsync());
        Assert.Equal(["pilots", "networks"], await preview.Locator("li").AllInnerTextsAsync());
        await ScreenshotAsync(page, "live-preview");

        await page.GetByLabel("Body", new() { Exact = true }).FillAsync("Plain words <script>alert(1)</script> and *emphasis*");
        await preview.Locator("em", new() { HasText = "emphasis" }).WaitForAsync();
        Assert.Equal(0, await preview.Locator("h2").CountAsync());
        Assert.Equal(0, await preview.Locator("script").CountAsync());
    }

    [Fact]
    public async Task Without_JavaScript_the_preview_button_and_prompt_buttons_do_the_work()
    {
        await SeedCourseAsync("nojs", "nils@nojs.test");
        var page = await OpenPageAsync(javaScript: false);
        await page.SignInAsync("nils@nojs.test", institution: "nojs");
        await page.GotoAsync("/nojs/courses/workshop/modules/new");

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Trust and networks");
        await page.GetByLabel("Body", new() { Exact = true }).FillAsync(Markdown);
        await page.GetByRole(AriaRole.Button, new() { Name = "Update preview" }).ClickAsync();
        await page.Locator(".preview-body h2", new() { HasText = "Why co-creation spreads" }).WaitForAsync();
        Assert.Equal(Markdown, await page.GetByLabel("Body", new() { Exact = true }).InputValueAsync());
        await ScreenshotAsync(page, "preview-after-button");

        // A new module starts with one empty prompt.
        await page.GetByLabel("Prompt 1", new() { Exact = true }).FillAsync("What builds trust in your service?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a prompt" }).ClickAsync();
        await page.GetByLabel("Prompt 2", new() { Exact = true }).FillAsync("Which network would carry your pilot further?");
        await ScreenshotAsync(page, "two-prompts");
        await page.Locator(".prompt-editor > li").First.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();

        await page.Locator(".prompt-editor > li").Nth(1).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var prompts = page.Locator(".prompt-editor textarea");
        Assert.Equal(1, await prompts.CountAsync());
        Assert.Equal("Which network would carry your pilot further?", await prompts.InputValueAsync());
        Assert.Equal("Trust and networks", await page.GetByLabel("Title", new() { Exact = true }).InputValueAsync());
        await ScreenshotAsync(page, "after-removing-a-prompt");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Trust and networks", Level = 1 }).WaitForAsync();
        Assert.Equal(["Which network would carry your pilot further?"], await page.Locator(".prompt-list .prompt-text").AllInnerTextsAsync());
        Assert.Equal("Why co-creation spreads", await page.Locator("article .prose h2").InnerTextAsync());
    }

    private async Task SeedCourseAsync(string slug, string instructor)
    {
        var institution = await App.InstitutionAsync(slug);
        await App.MemberAsync(institution, instructor, InstitutionRole.Instructor);
        await App.CourseAsync(institution, "workshop", "Co-creation workshop", CourseVisibility.Public);
    }
}
