using CoSie.Platform.BrowserTests.Discussions;
using CoSie.Platform.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Search;

[Collection(SharedChromium.Name)]
public sealed class SearchJourneyTests(Chromium chromium, DiscussionSiteFactory app)
    : BrowserTest(chromium, app), IClassFixture<DiscussionSiteFactory>
{
    private const string Institution = DiscussionSiteFactory.InstitutionSlug;

    private DiscussionSiteFactory Site => (DiscussionSiteFactory)App;

    [Fact]
    public async Task A_learner_finds_a_peers_reply_from_the_header_search_box_and_opens_it()
    {
        var cohort = await Site.OpenCohortAsync("Searching");
        var author = await Site.LearnerAsync(cohort, "Aino Author");
        var peer = await Site.LearnerAsync(cohort, "Pekka Peer");
        var learner = await Site.LearnerAsync(cohort, "Sanni Searcher");
        var reflectionId = await Site.WriteReflectionAsync(cohort, author, "The pilot began in the library.");
        var replyId = await Site.ReplyAsync(cohort, reflectionId, peer, "The ferry timetables were redesigned with the islanders.");
        var page = await OpenPageAsync();
        await page.SignInAsync(learner.Email!, institution: Institution);
        await page.GotoAsync($"/{Institution}/cohorts");

        var box = page.GetByRole(AriaRole.Search).GetByLabel("Search the discussions");
        await box.FocusAsync();
        await page.Keyboard.TypeAsync("ferry timetable");
        await page.Keyboard.PressAsync("Enter");

        var hit = page.Locator($"li.search-hit[data-id='{replyId}']");
        await hit.WaitForAsync();
        Assert.Equal(["ferry", "timetables"], await hit.Locator(".snippet mark").AllInnerTextsAsync());
        Assert.Contains("1 result", await page.Locator(".search-count").InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "results");

        await PageChecks.AssertNothingSeriousAsync(page);

        await page.SetViewportSizeAsync(320, 800);
        await ScreenshotAsync(page, "results-at-320");
        await PageChecks.AssertFitsAsync(page);

        await hit.GetByRole(AriaRole.Link).ClickAsync();
        await page.Locator($"article.post[data-post-id='{replyId}']").WaitForAsync();
        Assert.Contains($"/cohorts/{cohort.Id}/reflections/{reflectionId}", page.Url, StringComparison.Ordinal);
        await ScreenshotAsync(page, "the-reply-in-its-thread");
    }

    [Fact]
    public async Task The_filters_work_by_keyboard_without_javascript()
    {
        var cohort = await Site.OpenCohortAsync("Filtering without script");
        var author = await Site.LearnerAsync(cohort, "Frida Filter");
        var other = await Site.LearnerAsync(cohort, "Olli Other");
        await Site.WriteReflectionAsync(cohort, author, "Harbour cranes and harbour workers.");
        var reflectionId = await Site.WriteReflectionAsync(cohort, other, "Nothing about that here.");
        var mine = await Site.ReplyAsync(cohort, reflectionId, author, "A harbour again, in my reply.");
        var page = await OpenPageAsync(javaScript: false);
        await page.SignInAsync(author.Email!, institution: Institution);
        await page.GotoAsync($"/{Institution}/search?q=harbour");
        Assert.Equal(2, await page.Locator("li.search-hit").CountAsync());

        await page.Locator("summary", new() { HasText = "Filters" }).ClickAsync();
        await page.GetByLabel("Only my posts").CheckAsync();
        await page.GetByLabel("Cohort").SelectOptionAsync(new SelectOptionValue { Label = "Filtering without script" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).Last.ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("mine=true", StringComparison.Ordinal));
        Assert.Equal(2, await page.Locator("li.search-hit").CountAsync());
        Assert.Equal(1, await page.Locator($"li.search-hit[data-id='{mine}']").CountAsync());
        await ScreenshotAsync(page, "my-posts-only");
    }
}
