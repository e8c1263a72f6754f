using CoSie.Platform.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Discussions;

// The thread page's join, raced: the server joins the page to the thread's group and then reads what it missed, so a
// push of a newer event can reach the page before the join's answer with the older ones. Playwright's WebSocket
// routing holds the join's answer back until such a push has arrived, which makes the race happen every time.
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

    // The invocation id of the one SignalR message in a frame that names JoinThread.
    private static string? InvocationId(string frame)
    {
        foreach (var message in frame.Split(Separator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!message.Contains("\"target\":\"JoinThread\"", StringComparison.Ordinal))
            {
                continue;
            }
            using var json = System.Text.Json.JsonDocument.Parse(message);
            return json.RootElement.TryGetProperty("invocationId", out var id) ? id.GetString() : null;
        }
        return null;
    }
}
