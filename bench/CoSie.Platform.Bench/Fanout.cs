using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CoSie.Platform.Bench;

// Many live readers in one thread; replies posted through the page; the time until every reader has each reply.
public sealed class Fanout(Uri baseAddress, BenchData data)
{
    public async Task<FanoutResult> RunAsync(IReadOnlyList<Session> readers, Session poster, int connections, int replies)
    {
        var reflectionId = data.Threads[10];
        var received = new ConcurrentDictionary<Guid, ConcurrentBag<long>>();
        var hubs = new List<HubConnection>();
        try
        {
            for (var batch = 0; batch < connections; batch += 50)
            {
                var opening = Enumerable.Range(batch, Math.Min(50, connections - batch)).Select(async i =>
                {
                    var reader = readers[i % readers.Count];
                    var hub = new HubConnectionBuilder()
                        .WithUrl(new Uri(baseAddress, "/hubs/discussions"), o =>
                        {
                            o.Transports = HttpTransportType.WebSockets;
                            o.SkipNegotiation = true;
                            o.Cookies = new CookieContainer();
                            o.Cookies.Add(baseAddress, new Cookie("cosie.session", reader.SessionCookie, "/"));
                        })
                        .Build();
                    hub.On<ReplyEvent>("ReplyPosted", message =>
                        received.GetOrAdd(message.PostId, _ => []).Add(Stopwatch.GetTimestamp()));
                    await hub.StartAsync();
                    var joined = await hub.InvokeAsync<JoinReply>("JoinThread", BenchSeeder.Institution, reflectionId, 0L);
                    if (!joined.Joined)
                    {
                        throw new InvalidOperationException($"A reader was not admitted to the thread: {joined.Refusal}");
                    }
                    return hub;
                });
                hubs.AddRange(await Task.WhenAll(opening));
            }

            var threadUrl = data.ThreadUrl(10);
            var token = await poster.TokenAsync(threadUrl);
            var sent = new Dictionary<Guid, (long Start, long Committed)>();
            for (var i = 0; i < replies; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var postId = await poster.ReplyAsync(threadUrl, token, $"Live reply {i}");
                sent[postId] = (started, Stopwatch.GetTimestamp());
                await Task.Delay(20);
            }

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline && sent.Keys.Any(id => !received.TryGetValue(id, out var bag) || bag.Count < connections))
            {
                await Task.Delay(100);
            }

            // The commit happens before the POST answers, so "request start" bounds commit-to-receipt from above.
            var latencies = sent.SelectMany(s => received.TryGetValue(s.Key, out var bag)
                    ? bag.Select(t => Stopwatch.GetElapsedTime(s.Value.Start, t).TotalMilliseconds)
                    : [])
                .ToList();
            var delivered = sent.Keys.Sum(id => received.TryGetValue(id, out var bag) ? bag.Count : 0);
            return new FanoutResult(connections, replies, delivered, (long)connections * replies,
                Percentile(latencies, 50), Percentile(latencies, 95), Percentile(latencies, 99));
        }
        finally
        {
            await Task.WhenAll(hubs.Select(h => h.DisposeAsync().AsTask()));
        }
    }

    private static double Percentile(List<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        values.Sort();
        return values[(int)Math.Min(values.Count - 1, Math.Ceiling(percentile / 100 * values.Count) - 1)];
    }

#pragma warning disable CA1812 // Created by the SignalR client's deserializer.
    private sealed record ReplyEvent(Guid ReflectionId, long Sequence, Guid PostId);
    private sealed record JoinReply(bool Joined, string? Refusal);
#pragma warning restore CA1812
}
