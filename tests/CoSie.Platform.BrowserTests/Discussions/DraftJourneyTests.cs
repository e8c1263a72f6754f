using CoSie.Platform.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Discussions;

// What a learner types is saved as they write: closing the tab and coming back later (here: another browser
// session, as on another device) brings the text back, and posting it removes the draft.
[Collection(SharedChromium.Name)]
public sealed class DraftJourneyTests(Chromium chromium, DiscussionSiteFactory app)
    : BrowserTest(chromium, app), IClassFixture<DiscussionSiteFactory>
{
    private const string Institution = DiscussionSiteFactory.InstitutionSlug;

    private DiscussionSiteFactory Site => (DiscussionSiteFactory)App;

    [Fact]
    public async Task A_draft_survives_a_closed_tab_and_goes_once_posted()
    {
        var cohort = await Site.OpenCohortAsync("Drafts");
        var learner = await Site.LearnerAsync(cohort, "Daria Draft");
        var prompt = $"/{Institution}/cohorts/{cohort.Id}/prompts/{Site.Prompt.Id}";
        const string text = "Our pilot spread because the nurses trusted it, and I want to say more about why.";

        var first = await OpenPageAsync();
        await first.SignInAsync(learner.Email!, institution: Institution);
        await first.GotoAsync(prompt);
        await first.GetByLabel("Write your reflection on this prompt").PressSequentiallyAsync(text);
        await Assertions.Expect(first.Locator(".draft-status")).ToHaveTextAsync("Draft saved", new() { Timeout = 15_000 });
        await ScreenshotAsync(first, "draft-saved");
        await first.CloseAsync();

        var second = await OpenPageAsync();
        var dialogs = new List<string>();
        second.Dialog += (_, dialog) => dialogs.Add(dialog.Type);
        await second.SignInAsync(learner.Email!, institution: Institution);
        await second.GotoAsync(prompt);
        var editor = second.GetByLabel("Write your reflection on this prompt");
        await Assertions.Expect(editor).ToHaveValueAsync(text);
        await Assertions.Expect(second.Locator(".draft-restored")).ToBeVisibleAsync();
        await ScreenshotAsync(second, "draft-restored");

        await second.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(second.Locator(".post-preview")).ToContainTextAsync("the nurses trusted it");
        await second.GetByRole(AriaRole.Button, new() { Name = "Post reflection" }).ClickAsync();
        await Assertions.Expect(second.Locator("main .notice[role=status]")).ToContainTextAsync("Your reflection is posted.");

        await second.GotoAsync(prompt);
        Assert.Equal(0, await second.Locator(".draft-restored").CountAsync());
        Assert.Empty(dialogs);
    }
}
