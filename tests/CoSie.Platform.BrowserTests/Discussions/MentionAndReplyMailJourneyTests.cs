using CoSie.Platform.BrowserTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Discussions.Notifications;
using CoSie.Platform.Web.Features.Discussions.Outbox;
using CoSie.Platform.Web.Identity;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Discussions;

// The mention box is a combobox of the WAI-ARIA APG pattern, used by keyboard alone; a mention and a reply each bring
// the person concerned a mail (caught by the test SMTP listener), whose link opens the post in the thread. The mail
// job runs here as Hangfire would run it at its due time, with the clock moved past the batch time.
[Collection(SharedChromium.Name)]
public sealed class MentionAndReplyMailJourneyTests(Chromium chromium, DiscussionSiteFactory app)
    : BrowserTest(chromium, app), IClassFixture<DiscussionSiteFactory>
{
    private const string Institution = DiscussionSiteFactory.InstitutionSlug;
    private static readonly TimeSpan BatchTimeUp = TimeSpan.FromMinutes(PlatformUser.DefaultMailBatchMinutes + 1);

    private DiscussionSiteFactory Site => (DiscussionSiteFactory)App;

    private async Task MailJobAsync(PlatformUser recipient, Guid reflectionId, NotificationKind kind)
    {
        // The post's notifications are written by the discussion outbox, in the background: deliver it first.
        await Site.Services.GetRequiredService<OutboxWorker>().DeliverAsync(Site.Institution.Id, waitForOthers: true, CancellationToken.None);
        Site.Clock.Advance(BatchTimeUp);
        await using var scope = Site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotificationMailJob>().SendAsync(Site.Institution.Id, recipient.Id, reflectionId, kind, CancellationToken.None);
    }

    [Fact]
    public async Task A_member_is_mentioned_by_keyboard_through_the_combobox_and_receives_a_mention_mail()
    {
        var cohort = await Site.OpenCohortAsync("Mentions");
        var author = await Site.LearnerAsync(cohort, "Aune Author");
        var writer = await Site.LearnerAsync(cohort, "Kalle Keyboard");
        var named = await Site.LearnerAsync(cohort, "Meri Mentioned");
        await Site.LearnerAsync(cohort, "Meeri Mate");
        var reflectionId = await Site.WriteReflectionAsync(cohort, author, "Our pilot spread through word of mouth.");
        var page = await OpenPageAsync();
        await page.SignInAsync(writer.Email!, institution: Institution);
        await page.GotoAsync(DiscussionSiteFactory.ThreadPath(cohort, reflectionId));

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Your reply" });
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        var listId = await box.GetAttributeAsync("aria-controls");
        Assert.False(string.IsNullOrEmpty(listId));
        var list = page.Locator($"#{listId}");
        await Assertions.Expect(list).ToHaveAttributeAsync("role", "listbox");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-autocomplete", "list");

        await box.FocusAsync();
        await page.Keyboard.TypeAsync("Ask @Me");
        var options = list.GetByRole(AriaRole.Option);
        await Assertions.Expect(options).ToHaveCountAsync(2);
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(options.Nth(0)).ToHaveTextAsync("Meeri Mate");
        await Assertions.Expect(options.Nth(0)).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(options.Nth(1)).ToHaveAttributeAsync("aria-selected", "false");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await options.Nth(0).GetAttributeAsync("id"))!);
        await Assertions.Expect(page.Locator(".mention-status[role=status]")).ToHaveTextAsync("2 members match: use the arrow keys and Enter to choose.");
        await Assertions.Expect(box).ToBeFocusedAsync();
        await ScreenshotAsync(page, "suggestions-open");

        var axe = await page.RunAxe();
        Assert.NotEmpty(axe.Passes);
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, "With the suggestions open:\n" + string.Join("\n", serious.Select(v => $"- {v.Id}: {v.Help}")));

        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(options.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(options.Nth(0)).ToHaveAttributeAsync("aria-selected", "false");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await options.Nth(1).GetAttributeAsync("id"))!);
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(options.Nth(0)).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(options.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(box).ToHaveValueAsync("Ask @Meri Mentioned ");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(list).ToBeHiddenAsync();
        Assert.Null(await box.GetAttributeAsync("aria-activedescendant"));
        await Assertions.Expect(box).ToBeFocusedAsync();

        // Escape closes the list and leaves the text as typed.
        await page.Keyboard.TypeAsync("and @Me");
        await Assertions.Expect(options).ToHaveCountAsync(2);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(list).ToBeHiddenAsync();
        await Assertions.Expect(box).ToHaveValueAsync("Ask @Meri Mentioned and @Me");
        await Assertions.Expect(box).ToBeFocusedAsync();

        // Typing on opens it again; Tab chooses as Enter does.
        await page.Keyboard.TypeAsync("e");
        await Assertions.Expect(options).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".mention-status[role=status]")).ToHaveTextAsync("1 member matches: use the arrow keys and Enter to choose.");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(box).ToHaveValueAsync("Ask @Meri Mentioned and @Meeri Mate ");
        await Assertions.Expect(box).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("about the posters?");

        await page.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await page.Locator("article.post", new() { HasText = "about the posters?" }).WaitForAsync();

        await MailJobAsync(named, reflectionId, NotificationKind.Mention);
        var mail = await Site.Mail.WaitForMailToAsync(named.Email!, "Kalle Keyboard mentioned you");
        Assert.Contains("about the posters?", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_to_a_peers_reflection_mails_the_peer_whose_link_opens_the_reply_in_the_thread()
    {
        var cohort = await Site.OpenCohortAsync("Reply mails");
        var peer = await Site.LearnerAsync(cohort, "Pirjo Peer");
        var replier = await Site.LearnerAsync(cohort, "Reino Replier");
        var reflectionId = await Site.WriteReflectionAsync(cohort, peer, "The pilot spread once the nurses owned it.");
        // Earlier replies by someone else, so that the one in the mail is not simply the first thing on the page (all on
        // its first page, and none counting against the replier's posting limit).
        await Site.SeedRepliesAsync(reflectionId, await Site.LearnerAsync(cohort, "Eero Earlier"), 12);

        var writing = await OpenPageAsync();
        await writing.SignInAsync(replier.Email!, institution: Institution);
        await writing.GotoAsync(DiscussionSiteFactory.ThreadPath(cohort, reflectionId));
        await writing.GetByLabel("Your reply").FillAsync("How did the nurses come to own it?");
        await writing.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        var posted = writing.Locator("article.post[data-post-id]", new() { HasText = "How did the nurses come to own it?" });
        await posted.WaitForAsync();
        var replyId = await posted.GetAttributeAsync("data-post-id");

        await MailJobAsync(peer, reflectionId, NotificationKind.Reply);
        var mail = await Site.Mail.WaitForMailToAsync(peer.Email!, "replied to your post");
        var link = mail.LinkTo("/reflections/");
        Assert.Contains($"#post-{replyId}", link, StringComparison.Ordinal);

        var reading = await OpenPageAsync();
        await reading.SignInAsync(peer.Email!, institution: Institution);
        await reading.GotoAsync(link);
        var reply = reading.Locator($"article.post[data-post-id='{replyId}']");
        await Assertions.Expect(reply).ToBeVisibleAsync();
        await Assertions.Expect(reply).ToContainTextAsync("How did the nurses come to own it?");
        await Assertions.Expect(reply).ToContainTextAsync("Reino Replier");
        await Assertions.Expect(reply).ToBeInViewportAsync();
        await ScreenshotAsync(reading, "peer-follows-the-mail-link");
    }
}
