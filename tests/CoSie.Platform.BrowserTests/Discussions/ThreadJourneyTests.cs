using CoSie.Platform.BrowserTests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Discussions;

[Collection(SharedChromium.Name)]
public sealed class ThreadJourneyTests(Chromium chromium, DiscussionSiteFactory app)
    : BrowserTest(chromium, app), IClassFixture<DiscussionSiteFactory>
{
    private const string Institution = DiscussionSiteFactory.InstitutionSlug;
    private const string Placeholder = "This post was hidden by a moderator.";

    private DiscussionSiteFactory Site => (DiscussionSiteFactory)App;

    [Fact]
    public async Task Two_members_see_each_others_replies_arrive_without_reloading()
    {
        var cohort = await Site.OpenCohortAsync("Live replies");
        var author = await Site.LearnerAsync(cohort, "Aino Author");
        var reader = await Site.LearnerAsync(cohort, "Bertta Reader");
        var reflectionId = await Site.WriteReflectionAsync(cohort, author, "Our pilot spread through the library network.");
        var thread = DiscussionSiteFactory.ThreadPath(cohort, reflectionId);
        var a = await OpenPageAsync();
        var b = await OpenPageAsync();
        await a.SignInAsync(author.Email!, institution: Institution);
        await b.SignInAsync(reader.Email!, institution: Institution);
        await a.GotoAsync(thread);
        await b.GotoAsync(thread);
        await MarkAsync(b);

        // Before anyone has replied, the author's own form is folded away under "Add a follow-up".
        await a.Locator("details.follow-up summary").ClickAsync();
        await a.GetByLabel("Your reply").FillAsync("The librarians carried it, not the posters.");
        await a.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await a.Locator("article.post", new() { HasText = "The librarians carried it" }).WaitForAsync();

        var notice = b.Locator(".new-replies-notice");
        await notice.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 20_000 });
        var button = notice.GetByRole(AriaRole.Button);
        Assert.Contains("1", await button.InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(b, "reader-sees-the-notice");
        await button.FocusAsync();
        await b.Keyboard.PressAsync("Enter");

        var arrived = b.Locator("article.post[data-post-id]", new() { HasText = "The librarians carried it, not the posters." });
        await arrived.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.True(await notice.IsHiddenAsync());
        Assert.True(await StillMarkedAsync(b), "The reader's page reloaded or navigated.");
        await ScreenshotAsync(a, "author-after-posting");
        await ScreenshotAsync(b, "reader-after-showing-the-reply");
    }

    [Fact]
    public async Task The_thread_works_without_javascript()
    {
        var cohort = await Site.OpenCohortAsync("No script");
        var author = await Site.LearnerAsync(cohort, "Nelli Noscript");
        var replier = await Site.LearnerAsync(cohort, "Paavo Plain");
        var reflectionId = await Site.WriteReflectionAsync(cohort, author, "Paper forms still matter.");
        var page = await OpenPageAsync(javaScript: false);
        await page.SignInAsync(replier.Email!, institution: Institution);
        await page.GotoAsync(DiscussionSiteFactory.ThreadPath(cohort, reflectionId));

        await page.GetByLabel("Your reply").FillAsync("They do, for people without a smartphone.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("#post-", StringComparison.Ordinal));
        var postId = page.Url[(page.Url.IndexOf("#post-", StringComparison.Ordinal) + "#post-".Length)..];
        var reply = page.Locator($"article.post[data-post-id='{postId}']");
        await reply.WaitForAsync();
        Assert.Contains("They do, for people without a smartphone.", await reply.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Paavo Plain", await reply.InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "reply-permalink-without-javascript");
    }

    [Fact]
    public async Task The_thread_page_has_no_serious_accessibility_violations()
    {
        var cohort = await Site.OpenCohortAsync("Accessible thread");
        var author = await Site.LearnerAsync(cohort, "Anna Access");
        var peer = await Site.LearnerAsync(cohort, "Pekka Peer");
        var reflectionId = await Site.WriteReflectionAsync(cohort, author, "We *co-designed* the service with its users.");
        var first = await Site.ReplyAsync(cohort, reflectionId, peer, "How did you recruit them?");
        await Site.ReplyAsync(cohort, reflectionId, author, "Through the **library** and the health centre.", first);
        await Site.ReplyAsync(cohort, reflectionId, peer, "Thanks, @Anna Access, that helps.");
        var page = await OpenPageAsync();
        await page.SignInAsync(peer.Email!, institution: Institution);
        await page.GotoAsync(DiscussionSiteFactory.ThreadPath(cohort, reflectionId));
        await page.Locator("article.post.reply").Nth(2).WaitForAsync();
        await ScreenshotAsync(page, "thread");

        var result = await page.RunAxe();

        Assert.NotEmpty(result.Passes); // axe ran, rather than finding nothing because it never started
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, "The thread page has serious or critical accessibility violations:\n" + string.Join("\n", serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target?.ToString()))}")));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(320)]
    public async Task A_learner_goes_from_the_module_page_to_a_posted_reflection_with_no_serious_accessibility_violations(int width)
    {
        var cohort = await Site.RevealOnPostCohortAsync($"Journey {width}");
        var learner = await Site.LearnerAsync(cohort, $"Jaana Journey {width}");
        var peer = await Site.LearnerAsync(cohort, $"Pirkko Peer {width}");
        await Site.WriteReflectionAsync(cohort, peer, "The library carried it.");
        var page = await OpenPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        await page.SignInAsync(learner.Email!, institution: Institution);

        await page.GotoAsync(DiscussionSiteFactory.ModulePath);
        var promptLink = page.GetByRole(AriaRole.Link, new() { Name = "Prompt 1: What made co-creation spread in your pilot?" });
        Assert.Contains("Not answered yet.", await page.Locator(".module-prompts").InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, $"module-{width}");
        await AssertNoSeriousViolationsAsync(page, "module");

        await promptLink.ClickAsync();
        await page.GetByText("1 peer has posted; their reflection opens to you once you post yours.").WaitForAsync();
        await ScreenshotAsync(page, $"prompt-before-posting-{width}");
        await AssertNoSeriousViolationsAsync(page, "prompt");

        await page.GetByLabel("Write your reflection on this prompt").FillAsync("Trust in the neighbourhood did it.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post reflection" }).ClickAsync();
        var status = page.Locator("main .notice[role=status]");
        await status.WaitForAsync();
        Assert.Equal("Your reflection is posted. Your peers' reflections on this prompt are now open to you.", (await status.InnerTextAsync()).Trim());
        await page.Locator(".own-thread-note").WaitForAsync();
        Assert.False(await page.GetByLabel("Your reply").IsVisibleAsync());
        await ScreenshotAsync(page, $"own-thread-after-posting-{width}");
        await AssertNoSeriousViolationsAsync(page, "own thread");

        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the reflections on this prompt" }).ClickAsync();
        await page.Locator(".reflection-summary", new() { HasText = "The library carried it." }).WaitForAsync();
        await page.GotoAsync(DiscussionSiteFactory.ModulePath);
        Assert.Contains("Answered, no replies yet", await page.Locator(".module-prompts").InnerTextAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        // label-content-name-mismatch is experimental in axe, off unless asked for: links must be named by what they show.
        var result = await page.RunAxe(new AxeRunOptions
        {
            Rules = new Dictionary<string, RuleOptions> { ["label-content-name-mismatch"] = new() { Enabled = true } },
        });
        Assert.NotEmpty(result.Passes);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical" || v.Id == "label-content-name-mismatch").ToList();
        Assert.True(serious.Count == 0, $"The {what} page has serious or critical accessibility violations:\n" + string.Join("\n", serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target?.ToString()))}")));
    }

    [Fact]
    public async Task A_reply_hidden_by_a_moderator_vanishes_live_for_a_learner()
    {
        var cohort = await Site.OpenCohortAsync("Live hiding");
        var author = await Site.LearnerAsync(cohort, "Hanna Host");
        var rude = await Site.LearnerAsync(cohort, "Rauno Rude");
        var learner = await Site.LearnerAsync(cohort, "Liisa Looker");
        var reflectionId = await Site.WriteReflectionAsync(cohort, author, "Please keep it kind.");
        var replyId = await Site.ReplyAsync(cohort, reflectionId, rude, "Something nobody should have to read.");
        var thread = DiscussionSiteFactory.ThreadPath(cohort, reflectionId);
        var reader = await OpenPageAsync();
        await reader.SignInAsync(learner.Email!, institution: Institution);
        await reader.GotoAsync(thread);
        var reply = reader.Locator($"article.post[data-post-id='{replyId}']");
        await reply.GetByText("Something nobody should have to read.").WaitForAsync();
        await MarkAsync(reader);

        var instructor = await OpenPageAsync();
        await instructor.SignInAsync(DiscussionSiteFactory.InstructorEmail, institution: Institution);
        await instructor.GotoAsync($"/{Institution}/cohorts/{cohort.Id}/reflections/{reflectionId}/posts/{replyId}/moderate");
        await instructor.GetByLabel("Reason (the author reads it)").FillAsync("Personal attack.");
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Hide this post" }).ClickAsync();
        await instructor.GetByText("The post is hidden.").WaitForAsync();
        await ScreenshotAsync(instructor, "moderator-after-hiding");

        await reply.GetByText(Placeholder).WaitForAsync(new() { Timeout = 20_000 });
        Assert.DoesNotContain("Something nobody should have to read.", await reply.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await StillMarkedAsync(reader), "The learner's page reloaded or navigated.");
        await ScreenshotAsync(reader, "learner-sees-the-placeholder");
    }

    // A mark on the page's window survives only while the page is not reloaded or left.
    // A thread of a reflection and six replies: with every action its own stop, the reply box is dozens of Tab presses
    // away; with the actions of each post as one toolbar (arrow keys inside), it is far fewer. Without JavaScript every
    // action stays its own stop, so every one stays reachable.
    [Fact]
    public async Task Each_posts_actions_are_one_tab_stop_with_arrow_keys_inside_and_all_stops_without_javascript()
    {
        var cohort = await Site.OpenCohortAsync("Roving actions");
        var author = await Site.LearnerAsync(cohort, "Ritva Roving");
        var replier = await Site.LearnerAsync(cohort, "Sulo Six");
        var reader = await Site.LearnerAsync(cohort, "Tuuli Tabber");
        var reflectionId = await Site.WriteReflectionAsync(cohort, author, "Six replies follow.");
        await Site.SeedRepliesAsync(reflectionId, replier, 6);
        var thread = DiscussionSiteFactory.ThreadPath(cohort, reflectionId);

        var plain = await OpenPageAsync(javaScript: false);
        await plain.SignInAsync(reader.Email!, institution: Institution);
        await plain.GotoAsync(thread);
        Assert.Equal(7, await plain.Locator("article.post").CountAsync());
        Assert.Equal(0, await plain.Locator(".post-actions[role=toolbar]").CountAsync());
        var before = await TabsToReplyBoxAsync(plain);

        var page = await OpenPageAsync();
        await page.SignInAsync(reader.Email!, institution: Institution);
        await page.GotoAsync(thread);
        await page.Locator(".post-actions[role=toolbar]").First.WaitForAsync();
        var after = await TabsToReplyBoxAsync(page);

        // Helpful, Reply and Flag on each of the seven posts: two stops saved per post.
        Assert.True(after <= before - 2 * 7, $"{after} Tab presses to the reply box with the toolbars, {before} without.");

        var first = page.Locator("article.post").First.Locator(".post-actions");
        Assert.Equal("Actions on the post by Ritva Roving", await first.GetAttributeAsync("aria-label"));
        await first.GetByRole(AriaRole.Button, new() { Name = "Helpful" }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("Reply", (await page.Locator(":focus").InnerTextAsync()).Trim());
        await page.Keyboard.PressAsync("End");
        Assert.Equal("Flag", (await page.Locator(":focus").InnerTextAsync()).Trim());
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.StartsWith("Helpful", (await page.Locator(":focus").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("ArrowLeft");
        Assert.Equal("Flag", (await page.Locator(":focus").InnerTextAsync()).Trim());
        // The last action used is the toolbar's stop; Tab leaves the toolbar, Shift+Tab comes back to it.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(0, await first.Locator(":focus").CountAsync());
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("Flag", (await page.Locator(":focus").InnerTextAsync()).Trim());
        await page.Keyboard.PressAsync("Home");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.matches('textarea')");
        await ScreenshotAsync(page, "reply-from-the-toolbar");
    }

    // Tab presses from the top of the page until the reply box has the focus.
    private static async Task<int> TabsToReplyBoxAsync(IPage page)
    {
        var box = await page.GetByLabel("Your reply").GetAttributeAsync("id");
        for (var presses = 1; presses <= 120; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("id => document.activeElement?.id === id", box))
            {
                return presses;
            }
        }
        Assert.Fail($"Tab never reached the reply box on {page.Url}.");
        return 0;
    }

    private static async Task MarkAsync(IPage page) => await page.EvaluateAsync("() => { window.cosieNotReloaded = true; }");

    private static Task<bool> StillMarkedAsync(IPage page) => page.EvaluateAsync<bool>("() => window.cosieNotReloaded === true");
}
