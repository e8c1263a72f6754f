using System.Runtime.CompilerServices;
using CoSie.Platform.BrowserTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Discussions;

// The thread page's join, raced: the server joins the page to the thread's group and then reads what it missed, so a
// push of a newer event can reach the page before the join's answer with the older ones. Playwright's WebSocket
// routing holds the join's answer back until such a push has arrived, which makes the race happen every time.
// The same routing loses a push, or lets two cross, on a connection that stays up: the page notices the skipped
// sequence on the next push and asks for what it missed.
[Collection(SharedChromium.Name)]
public sealed class LiveRejoinJourneyTests(Chromium chromium, DiscussionSiteFactory app)
    : BrowserTest(chromium, app), IClassFixture<DiscussionSiteFactory>
{
    // SignalR's JSON protocol ends every message with this record separator.
    private const char Separator = '\u001e';

    private DiscussionSiteFactory Site => (DiscussionSiteFactory)App;

    [Fact]
    public async Task A_push_that_overtakes_the_joins_answer_loses_none_of_the_missed_replies()
    {
        var cohort = await Site.OpenCohortAsync("Raced join");
        var author = await Site.LearnerAsync(cohort, "Raisa Racer");
        var reader = await Site.LearnerAsync(cohort, "Oskari Overtaken");
        var reflectionId = await Site.WriteReflectionAsync(cohort, author, "What reached the people first?");

        var joinSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseJoin = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answerHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pushForwarded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var page = await OpenPageAsync();
        await page.SignInAsync(reader.Email!, institution: DiscussionSiteFactory.InstitutionSlug);
        await page.RouteWebSocketAsync("**/hubs/discussions**", socket =>
        {
            var server = socket.ConnectToServer();
            string? joinInvocation = null;
            socket.OnMessage(frame =>
            {
                if (frame.Text is { } text && text.Contains("\"target\":\"JoinThread\"", StringComparison.Ordinal))
                {
                    joinInvocation = InvocationId(text);
                    joinSent.TrySetResult();
                    _ = releaseJoin.Task.ContinueWith(_ => server.Send(text), TaskScheduler.Default);
                    return;
                }
                Forward(server, frame);
            });
            server.OnMessage(frame =>
            {
                var text = frame.Text ?? string.Empty;
                if (joinInvocation is not null && text.Contains("\"type\":3", StringComparison.Ordinal)
                    && text.Contains($"\"invocationId\":\"{joinInvocation}\"", StringComparison.Ordinal))
                {
                    answerHeld.TrySetResult();
                    _ = releaseAnswer.Task.ContinueWith(_ => socket.Send(text), TaskScheduler.Default);
                    return;
                }
                Forward(socket, frame);
                if (text.Contains("\"target\":\"ReplyPosted\"", StringComparison.Ordinal))
                {
                    pushForwarded.TrySetResult();
                }
            });
        });

        await page.GotoAsync(DiscussionSiteFactory.ThreadPath(cohort, reflectionId));
        await joinSent.Task.WaitAsync(TimeSpan.FromSeconds(20));
        // Posted while the page is not in the thread's group yet: it can only come with the join's answer.
        await Site.ReplyAsync(cohort, reflectionId, author, "Missed while joining: the newsletter.");
        releaseJoin.SetResult();
        await answerHeld.Task.WaitAsync(TimeSpan.FromSeconds(20));
        // The page is in the group now; this one is pushed, and reaches the page before the answer does.
        await Site.ReplyAsync(cohort, reflectionId, author, "Pushed before the answer: the radio.");
        await pushForwarded.Task.WaitAsync(TimeSpan.FromSeconds(20));
        releaseAnswer.SetResult();

        var notice = page.Locator(".new-replies-notice");
        await notice.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 20_000 });
        await notice.GetByRole(AriaRole.Button).ClickAsync();
        var missed = page.Locator("article.post", new() { HasText = "Missed while joining: the newsletter." });
        var pushed = page.Locator("article.post", new() { HasText = "Pushed before the answer: the radio." });
        await missed.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await pushed.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Equal(1, await missed.CountAsync());
        Assert.Equal(1, await pushed.CountAsync());
        // In the order they were written, as a reload would show them.
        var order = await page.Locator("article.post.reply .post-body").AllInnerTextsAsync();
        Assert.Equal(["Missed while joining: the newsletter.", "Pushed before the answer: the radio."], order.Select(t => t.Trim()).ToArray());
        await ScreenshotAsync(page, "both-replies-after-a-raced-join");
    }

    [Fact]
    public async Task A_push_lost_on_the_way_is_fetched_when_the_next_one_skips_its_sequence()
    {
        var (page, cohort, author, reflectionId, catchUps) = await FollowAsync("Lost push", holdFirstPush: null);
        await Site.ReplyAsync(cohort, reflectionId, author, "Lost on the way: the poster.");
        await Site.ReplyAsync(cohort, reflectionId, author, "Arrived: the town meeting.");

        await ShowNewRepliesAsync(page, 2, "Lost on the way: the poster.", "Arrived: the town meeting.");
        Assert.Equal(1, Volatile.Read(ref catchUps.Value));
        await ScreenshotAsync(page, "a-lost-push-fetched");
    }

    [Fact]
    public async Task Two_pushes_that_cross_are_both_shown_once_and_in_order()
    {
        var held = new TaskCompletionSource<Action>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (page, cohort, author, reflectionId, catchUps) = await FollowAsync("Crossed pushes", holdFirstPush: held);
        await Site.ReplyAsync(cohort, reflectionId, author, "Overtaken: the survey.");
        var forwardLate = await held.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await Site.ReplyAsync(cohort, reflectionId, author, "Overtaking: the open day.");
        await ShowNewRepliesAsync(page, 2, "Overtaken: the survey.", "Overtaking: the open day.");
        // The older push arrives after the page has fetched its reply; the page goes on as before.
        forwardLate();
        await Site.ReplyAsync(cohort, reflectionId, author, "Afterwards: the newsletter.");

        await ShowNewRepliesAsync(page, 1, "Overtaken: the survey.", "Overtaking: the open day.", "Afterwards: the newsletter.");
        Assert.Equal(1, Volatile.Read(ref catchUps.Value));
    }

    // Signs a reader in and opens a thread whose first ReplyPosted push is dropped (holdFirstPush null) or handed to
    // the test to forward later. The page's CatchUp calls are counted.
    private async Task<(IPage Page, Cohort Cohort, PlatformUser Author, Guid ReflectionId, StrongBox<int> CatchUps)> FollowAsync(
        string name, TaskCompletionSource<Action>? holdFirstPush)
    {
        var cohort = await Site.OpenCohortAsync(name);
        var author = await Site.LearnerAsync(cohort, $"{name} author");
        var reader = await Site.LearnerAsync(cohort, $"{name} reader");
        var reflectionId = await Site.WriteReflectionAsync(cohort, author, $"What did the {name.ToLowerInvariant()} teach us?");
        var catchUps = new StrongBox<int>();
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var page = await OpenPageAsync();
        await page.SignInAsync(reader.Email!, institution: DiscussionSiteFactory.InstitutionSlug);
        await page.RouteWebSocketAsync("**/hubs/discussions**", socket =>
        {
            var server = socket.ConnectToServer();
            var first = true;
            string? join = null;
            socket.OnMessage(frame =>
            {
                if (frame.Text is { } text && InvocationId(text, "CatchUp") is not null)
                {
                    Interlocked.Increment(ref catchUps.Value);
                }
                else if (frame.Text is { } joining && InvocationId(joining) is { } id)
                {
                    join = id;
                }
                Forward(server, frame);
            });
            server.OnMessage(frame =>
            {
                var text = frame.Text ?? string.Empty;
                var kept = new List<string>();
                foreach (var message in text.Split(Separator, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (first && message.Contains("\"target\":\"ReplyPosted\"", StringComparison.Ordinal))
                    {
                        first = false;
                        holdFirstPush?.TrySetResult(() => socket.Send(message + Separator));
                        continue;
                    }
                    kept.Add(message + Separator);
                }
                if (kept.Count > 0)
                {
                    socket.Send(string.Concat(kept));
                }
                if (join is not null && text.Contains($"\"invocationId\":\"{join}\"", StringComparison.Ordinal))
                {
                    joined.TrySetResult();
                }
            });
        });
        await page.GotoAsync(DiscussionSiteFactory.ThreadPath(cohort, reflectionId));
        await joined.Task.WaitAsync(TimeSpan.FromSeconds(20));
        return (page, cohort, author, reflectionId, catchUps);
    }

    // Waits for the notice to offer newCount replies, shows them, and checks that the thread holds each body once and
    // in the order given.
    private static async Task ShowNewRepliesAsync(IPage page, int newCount, params string[] bodies)
    {
        var notice = page.Locator(".new-replies-notice");
        await Assertions.Expect(notice.GetByRole(AriaRole.Button)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^{newCount} new repl"), new() { Timeout = 20_000 });
        await notice.GetByRole(AriaRole.Button).ClickAsync();
        foreach (var body in bodies)
        {
            var post = page.Locator("article.post", new() { HasText = body });
            await post.WaitForAsync(new() { State = WaitForSelectorState.Visible });
            Assert.Equal(1, await post.CountAsync());
        }
        var order = await page.Locator("article.post.reply .post-body").AllInnerTextsAsync();
        Assert.Equal(bodies, order.Select(t => t.Trim()).ToArray());
    }

    private static void Forward(IWebSocketRoute to, IWebSocketFrame frame)
    {
        if (frame.Text is { } text)
        {
            to.Send(text);
        }
        else if (frame.Binary is { } binary)
        {
            to.Send(binary);
        }
    }

    // The invocation id of the one SignalR message in a frame that calls the hub method named.
    private static string? InvocationId(string frame, string method = "JoinThread")
    {
        foreach (var message in frame.Split(Separator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!message.Contains($"\"target\":\"{method}\"", StringComparison.Ordinal))
            {
                continue;
            }
            using var json = System.Text.Json.JsonDocument.Parse(message);
            return json.RootElement.TryGetProperty("invocationId", out var id) ? id.GetString() : null;
        }
        return null;
    }
}
