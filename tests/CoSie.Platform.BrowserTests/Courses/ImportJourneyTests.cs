using CoSie.Platform.BrowserTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Courses;

[Collection(SharedChromium.Name)]
public sealed class ImportJourneyTests(Chromium chromium, BrowserAppFactory app)
    : BrowserTest(chromium, app), IClassFixture<BrowserAppFactory>
{
    private const string DetectedPrompt = "What CoSIE experiences of spreading co-creation inspire you most?";
    private const string FixedPrompt = "Which CoSIE experiences of spreading co-creation inspire you most, and why?";

    [Fact]
    public async Task Instructor_imports_a_WordPress_page_fixes_a_prompt_and_publishes_it_for_visitors()
    {
        var institution = await App.InstitutionAsync("tampere", "Tampere Service Lab");
        await App.MemberAsync(institution, "ines@tampere.test", InstitutionRole.Instructor);
        await App.CourseAsync(institution, "co-creation", "Co-creating public services", CourseVisibility.Public);
        var instructor = await OpenPageAsync();
        await instructor.SignInAsync("ines@tampere.test", institution: "tampere");

        await instructor.GotoAsync("/tampere/courses/co-creation");
        await instructor.MainContent().GetByRole(AriaRole.Link, new() { Name = "Import pages" }).ClickAsync();
        await instructor.GetByLabel("File (.json, .xml or .md, at most 5 MB)").SetInputFilesAsync(TestAssets.PathOf(TestAssets.SeedFileName));
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Read the file" }).ClickAsync();

        // The file is read by a background job: its page shows the progress, and the preview once the job has run (here
        // directly, as the job server would; the page refreshes by itself).
        await instructor.WaitForURLAsync(new Regex("/import/[0-9a-f-]{36}$"));
        await instructor.Locator("progress").WaitForAsync();
        await ImportJobs.RunAsync(App, "tampere", Guid.Parse(instructor.Url[(instructor.Url.LastIndexOf('/') + 1)..]));
        await instructor.ReloadAsync();

        await instructor.GetByRole(AriaRole.Heading, new() { Name = "Page 1: Spreading co-creation" }).WaitForAsync();
        var prompts = instructor.Locator(".import-page fieldset textarea");
        Assert.Equal(2, await prompts.CountAsync());
        Assert.Equal(DetectedPrompt, await prompts.Nth(1).InputValueAsync());
        await prompts.Nth(1).FillAsync(FixedPrompt);
        await ScreenshotAsync(instructor, "import-preview-with-fixed-prompt");
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Import as drafts" }).ClickAsync();

        await instructor.GetByText("Imported 1 module as a draft").WaitForAsync();
        var draft = instructor.Locator(".module-list .card").Filter(new() { HasText = "Spreading co-creation" });
        Assert.Contains("Draft", await draft.InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(instructor, "course-with-draft");
        await draft.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();

        await instructor.GetByRole(AriaRole.Heading, new() { Name = "Edit module" }).WaitForAsync();
        Assert.Equal(FixedPrompt, await instructor.GetByLabel("Prompt 2", new() { Exact = true }).InputValueAsync());
        await ScreenshotAsync(instructor, "module-editor");
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();
        await instructor.GetByText("Module “Spreading co-creation” saved.").WaitForAsync();

        var visitor = await OpenPageAsync();
        await visitor.GotoAsync("/tampere/courses/co-creation/spreading-co-creation");
        await visitor.GetByRole(AriaRole.Heading, new() { Name = "Spreading co-creation", Level = 1 }).WaitForAsync();
        Assert.Contains("We see co-creation as a collaborative activity", await visitor.Locator("article .prose").First.InnerTextAsync(), StringComparison.Ordinal);
        var promptTexts = await visitor.Locator(".prompt-list .prompt-text").AllInnerTextsAsync();
        Assert.Equal(2, promptTexts.Count);
        Assert.StartsWith("How do you imagine a successful spreading of co-creation", promptTexts[0], StringComparison.Ordinal);
        Assert.Equal(FixedPrompt, promptTexts[1]);
        var literature = visitor.Locator("ul.literature > li");
        Assert.Equal(5, await literature.CountAsync());
        Assert.Equal(1, await literature.Locator("a[href='https://doi.org/10.1111/spol.12389']").CountAsync());
        Assert.Equal(0, await visitor.GetByText("Draft:").CountAsync());
        await ScreenshotAsync(visitor, "published-module-for-visitor");
    }
}
