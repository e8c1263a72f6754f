using CoSie.Platform.BrowserTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Features.Discussions.Notifications;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Discussions;

// The notifications page by keyboard alone, on a wide screen and at 320 px: replies in one thread grouped into one
// entry with an excerpt, more entries than one page holds, the next page, "Mark all as read", and a notification
// followed to its post.
[Collection(SharedChromium.Name)]
public sealed class NotificationsJourneyTests(Chromium chromium, DiscussionSiteFactory app)
    : BrowserTest(chromium, app), IClassFixture<DiscussionSiteFactory>
{
    private const string Institution = DiscussionSiteFactory.InstitutionSlug;

    private DiscussionSiteFactory Site => (DiscussionSiteFactory)App;

    [Theory]
    [InlineData(1280)]
    [InlineData(320)]
    public async Task The_notifications_page_is_read_paged_and_cleared_by_keyboard(int width)
    {
        var cohort = await Site.OpenCohortAsync($"Notifications {width}");
        var reader = await Site.LearnerAsync(cohort, $"Noora Notified {width}");
        for (var i = 0; i < NotificationsModel.PageSize + 2; i++)
        {
            var writer = await Site.LearnerAsync(cohort, $"Writer {i} at {width}");
            var reflection = await Site.ReflectionAsync(Site.Institution, cohort, Site.Prompt, writer, $"Post {i}");
            await Site.MentionAsync(Site.Institution, cohort, reader, reflection.Id, reflection.Id, writer);
            Site.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var own = await Site.WriteReflectionAsync(cohort, reader, "Libraries carried our pilot.");
        foreach (var (name, body) in new[] { ("Aapo Early", "Which libraries took part, and how did the staff learn of it first?"), ("Bea Middle", "Ours too."), ("Cai Latest", "And the schools?") })
        {
            Site.Clock.Advance(TimeSpan.FromSeconds(10));
            await Site.ReplyAsync(cohort, own, await Site.LearnerAsync(cohort, name), body);
        }
        var page = await OpenPageAsync();
        await page.SetViewportSizeAsync(width, 800);
        await page.SignInAsync(reader.Email!, institution: Institution);
        await page.GotoAsync($"/{Institution}/notifications");

        var entries = page.Locator(".notification");
        await Assertions.Expect(entries).ToHaveCountAsync(NotificationsModel.PageSize);
        var grouped = entries.First;
        await Assertions.Expect(grouped).ToContainTextAsync("Cai Latest and 2 others replied to your posts");
        await Assertions.Expect(grouped.Locator(".badge")).ToHaveTextAsync("3 new");
        await Assertions.Expect(grouped.Locator(".notification-excerpt")).ToContainTextAsync("Which libraries took part");
        await AssertFitsAndAccessibleAsync(page);
        await ScreenshotAsync(page, $"first-page-{width}");

        await TabToAsync(page, ".pagination a[rel=next]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("p=2", StringComparison.Ordinal));
        await Assertions.Expect(entries).ToHaveCountAsync(3);
        await AssertFitsAndAccessibleAsync(page);

        await TabToAsync(page, "form[action*=ReadAll] button");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("form[action*=ReadAll]")).ToHaveCountAsync(0);
        await page.GotoAsync($"/{Institution}/notifications");
        await Assertions.Expect(entries).ToHaveCountAsync(NotificationsModel.PageSize);
        await Assertions.Expect(page.Locator(".notification.unread")).ToHaveCountAsync(0);
        await AssertFitsAndAccessibleAsync(page);
        await ScreenshotAsync(page, $"all-read-{width}");

        await TabToAsync(page, ".notification-list a");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains($"/reflections/{own}", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("article.post", new() { HasText = "Which libraries took part" })).ToBeVisibleAsync();
    }

    // Presses Tab until the element matching the selector has the focus, as a keyboard user would reach it.
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 120; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => { const e = document.querySelector(s); return !!e && e === document.activeElement; }", selector))
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached {selector} on {page.Url}.");
    }

    private static async Task AssertFitsAndAccessibleAsync(IPage page)
    {
        await PageChecks.AssertFitsAsync(page);
        await PageChecks.AssertNothingSeriousAsync(page);
    }
}
