using System.Diagnostics;

namespace CoSie.Platform.Bench;

// Many live readers in one thread; replies posted through the page; the time until every reader has each reply,
// and the app's memory while they are connected.
public sealed class Fanout(AppProcess app, BenchData data)
{
    public async Task<FanoutResult> RunAsync(IReadOnlyList<Session> readers, Session poster, int connections, int replies)
    {
        var reflectionId = data.Threads[10];
        var before = app.Memory();
        app.ResetPeak();
        await using var clients = await LiveClients.OpenAsync(app.BaseAddress, readers, [reflectionId], connections);
        var connected = app.Memory();

        var threadUrl = data.ThreadUrl(10);
        var token = await poster.TokenAsync(threadUrl);
        var sent = new Dictionary<Guid, long>();
        for (var i = 0; i < replies; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var postId = await poster.ReplyAsync(threadUrl, token, $"Live reply {i}");
            sent[postId] = started;
            await Task.Delay(20);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && sent.Keys.Any(id => clients.ReceivedOf(id) < connections))
        {
            await Task.Delay(100);
        }
        var after = app.Memory();

        // The commit happens before the POST answers, so "request start" bounds commit-to-receipt from above.
        var latencies = sent.SelectMany(s => clients.Received.TryGetValue(s.Key, out var bag)
                ? bag.Select(t => Stopwatch.GetElapsedTime(s.Value, t).TotalMilliseconds)
                : [])
            .ToList();
        var delivered = sent.Keys.Sum(clients.ReceivedOf);
        return new FanoutResult(connections, replies, delivered, (long)connections * replies,
            Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 95), Stats.Percentile(latencies, 99),
            before.Rss, connected.Rss, after.Rss, after.Peak);
    }
}
