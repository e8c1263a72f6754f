using CoSie.Platform.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Discussions;

// A long thread opens on its first 20 replies; "Show more" and live replies must keep it whole and in order.
[Collection(SharedChromium.Name)]
public sealed class ThreadPagingJourneyTests(Chromium chromium, DiscussionSiteFactory app)
    : BrowserTest(chromium, app), IClassFixture<DiscussionSiteFactory>
{
    private const string Institution = DiscussionSiteFactory.InstitutionSlug;

    private DiscussionSiteFactory Site => (DiscussionSiteFactory)App;

    [Fact]
    public async Task Show_more_appends_the_next_page_in_place_and_moves_focus_to_it()
    {
        var cohort = await Site.OpenCohortAsync("Show more");
        var author = await Site.LearnerAsync(cohort, "Sohvi Starter");
        var reader = await Site.LearnerAsync(cohort, "Mikko More");
        var reflectionId = await Site.WriteReflectionAsync(cohort, author, "A long conversation.");
        var replies = await Site.SeedRepliesAsync(reflectionId, author, 45);
        var page = await OpenPageAsync();
        await page.SignInAsync(reader.Email!, institution: Institution);
        await page.GotoAsync(DiscussionSiteFactory.ThreadPath(cohort, reflectionId));
        var more = page.Locator("a.show-more");
        var status = page.Locator(".more-status");
        Assert.Equal(20, await page.Locator("#thread article.post.reply").CountAsync());
        Assert.Contains("25 more", await more.InnerTextAsync(), StringComparison.Ordinal);
        await MarkAsync(page);

        await more.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator($"#post-{replies[39]}").WaitForAsync();

        Assert.Equal(40, await page.Locator("#thread article.post.reply").CountAsync());
        Assert.Contains("5 more", await more.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("20", await status.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal($"post-{replies[20]}", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await ScreenshotAsync(page, "after-the-second-page");

        await more.ClickAsync();
        await page.Locator($"#post-{replies[44]}").WaitForAsync();
        Assert.True(await page.Locator(".later-replies").IsHiddenAsync());
        Assert.Equal(replies, await ShownAsync(page));
        Assert.True(await StillMarkedAsync(page), "Show more reloaded or left the page.");
    }

    [Fact]
    public async Task Live_replies_to_a_partly_loaded_thread_land_in_place_or_in_the_count_and_nothing_is_doubled()
    {
        var cohort = await Site.OpenCohortAsync("Partly loaded");
        var author = await Site.LearnerAsync(cohort, "Pirjo Partial");
        var replier = await Site.LearnerAsync(cohort, "Lauri Live");
        var reader = await Site.LearnerAsync(cohort, "Riikka Reader");
        var reflectionId = await Site.WriteReflectionAsync(cohort, author, "Half of it is enough to start.");
        var replies = await Site.SeedRepliesAsync(reflectionId, author, 45);
        var page = await OpenPageAsync();
        await page.SignInAsync(reader.Email!, institution: Institution);
        await page.GotoAsync(DiscussionSiteFactory.ThreadPath(cohort, reflectionId));
        var more = page.Locator("a.show-more");
        await page.Locator("#thread").WaitForAsync();
        // Whether these arrive as pushes or in the catch-up of the page's join, they go through the same placing.
        await MarkAsync(page);

        // A reply to the reflection belongs at the very end, past the 20 replies shown: only the count moves.
        var atTheEnd = await Site.ReplyAsync(cohort, reflectionId, replier, "A late thought for the end.");
        await page.WaitForFunctionAsync("() => document.querySelector('a.show-more').textContent.includes('26 more')", null, new() { Timeout = 20_000 });
        Assert.Equal(0, await page.Locator($"#post-{atTheEnd}").CountAsync());
        Assert.True(await page.Locator(".new-replies-notice").IsHiddenAsync());

        // A reply to a reply on this page belongs among the replies shown: it waits behind the notice, in place.
        var inside = await Site.ReplyAsync(cohort, reflectionId, replier, "An answer on the first page.", replies[4]);
        var notice = page.Locator(".new-replies-notice");
        await notice.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 20_000 });
        await notice.GetByRole(AriaRole.Button).ClickAsync();
        await page.Locator($"#post-{inside}").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Contains("26 more", await more.InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "live-reply-in-place");

        while (await more.IsVisibleAsync())
        {
            var before = await page.Locator("#thread article.post.reply").CountAsync();
            await more.ClickAsync();
            await page.WaitForFunctionAsync($"() => document.querySelectorAll('#thread article.post.reply').length > {before}");
        }

        Assert.Equal(await Site.TreeOrderAsync(reflectionId), await ShownAsync(page));
        Assert.True(await StillMarkedAsync(page), "The reader's page reloaded or navigated.");
        await ScreenshotAsync(page, "whole-thread-loaded");
    }

    [Fact]
    public async Task A_link_to_a_post_on_another_page_follows_to_that_page()
    {
        var cohort = await Site.OpenCohortAsync("Follow the hash");
        var author = await Site.LearnerAsync(cohort, "Heikki Hash");
        var reflectionId = await Site.WriteReflectionAsync(cohort, author, "Links must find their post.");
        var replies = await Site.SeedRepliesAsync(reflectionId, author, 45);
        var page = await OpenPageAsync();
        await page.SignInAsync(author.Email!, institution: Institution);

        await page.GotoAsync($"{DiscussionSiteFactory.ThreadPath(cohort, reflectionId)}#post-{replies[42]}");

        await page.WaitForURLAsync(url => url.Contains($"?post={replies[42]}#post-{replies[42]}", StringComparison.Ordinal));
        await page.Locator($"#post-{replies[42]}").WaitForAsync(new() { State = WaitForSelectorState.Visible });
    }

    private static async Task<IReadOnlyList<Guid>> ShownAsync(IPage page) =>
        [.. (await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('#thread article.post.reply')).map(a => a.getAttribute('data-post-id'))")).Select(Guid.Parse)];

    private static async Task MarkAsync(IPage page) => await page.EvaluateAsync("() => { window.cosieNotReloaded = true; }");

    private static Task<bool> StillMarkedAsync(IPage page) => page.EvaluateAsync<bool>("() => window.cosieNotReloaded === true");
}
