using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace CoSie.Platform.Bench;

// Members reading and posting at once, with live readers connected: each member opens threads, the list and their
// notifications, and now and then replies, with a short pause between steps. Counts every 5xx and failed request,
// and the error lines the app logged meanwhile.
public sealed class Soak(AppProcess app, BenchData data, string? fragmentUrl)
{
    public async Task<SoakResult> RunAsync(IReadOnlyList<Session> members, int liveConnections, TimeSpan duration)
    {
        var errorsBefore = app.Errors;
        app.ResetPeak();
        var tokens = new Dictionary<Session, string>();
        foreach (var member in members)
        {
            tokens[member] = await member.TokenAsync(data.ThreadUrl(10));
        }
        await using var live = await LiveClients.OpenAsync(app.BaseAddress, members, [data.Threads[10], data.Threads[100]], liveConnections);

        // Each latency with the second of the soak it started in, and the app's RSS every few seconds, for the
        // minute-by-minute rows that show whether either drifts as the threads grow.
        var reads = new ConcurrentBag<(double At, double Ms)>();
        var posts = new ConcurrentBag<(double At, double Ms)>();
        var rss = new ConcurrentBag<(double At, double Mb)>();
        var statuses = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentBag<string>();
        var posted = new ConcurrentBag<Guid>();
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                rss.Add((clock.Elapsed.TotalSeconds, app.Memory().Rss));
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
        await Task.WhenAll(members.Select((member, index) => Task.Run(async () =>
        {
            var random = new Random(index);
            while (!stop.IsCancellationRequested)
            {
                var roll = random.Next(100);
                var started = Stopwatch.GetTimestamp();
                var at = clock.Elapsed.TotalSeconds;
                try
                {
                    if (roll < 10)
                    {
                        var size = random.Next(2) == 0 ? 10 : 100;
                        using var response = await member.PostReplyAsync(data.ThreadUrl(size), tokens[member], $"Soak reply {index}-{random.Next()}: co-creation *again*.", CancellationToken.None);
                        Count(statuses, response.StatusCode);
                        posts.Add((at, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } location
                            && Guid.TryParse(location[(location.LastIndexOf("post-", StringComparison.Ordinal) + 5)..], out var postId))
                        {
                            posted.Add(postId);
                        }
                        else
                        {
                            failures.Add($"POST reply: {(int)response.StatusCode}");
                        }
                    }
                    else
                    {
                        var url = roll switch
                        {
                            < 30 => data.ThreadUrl(10),
                            < 45 => data.ThreadUrl(100),
                            < 55 => data.ThreadUrl(1000),
                            < 70 => fragmentUrl ?? data.ThreadUrl(100),
                            < 90 => data.ListUrl,
                            _ => $"/{BenchSeeder.Institution}/notifications",
                        };
                        using var response = await member.GetAsync(url, CancellationToken.None);
                        await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                        Count(statuses, response.StatusCode);
                        reads.Add((at, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                        if (!response.IsSuccessStatusCode)
                        {
                            failures.Add($"GET {url}: {(int)response.StatusCode}");
                        }
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failures.Add($"{e.GetType().Name}: {e.Message}");
                }
                try
                {
                    await Task.Delay(random.Next(250, 750), stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        await sampler;
        // Pushes of the last replies are still on their way: give them a moment before counting.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var delivered = posted.Sum(live.ReceivedOf);
        var closed = live.Closed;
        var all = reads.Concat(posts).Select(r => r.Ms).ToList();
        var minutes = Enumerable.Range(0, (int)Math.Ceiling(duration.TotalMinutes)).Select(m =>
        {
            bool In(double at) => at >= m * 60 && at < (m + 1) * 60;
            return new SoakMinute(m + 1, Stats.Percentile([.. reads.Where(r => In(r.At)).Select(r => r.Ms)], 99),
                Stats.Percentile([.. posts.Where(p => In(p.At)).Select(p => p.Ms)], 99), rss.Where(r => In(r.At)).Select(r => r.Mb).DefaultIfEmpty().Max());
        }).ToList();
        var (_, peak) = app.Memory();
        return new SoakResult(
            members.Count, live.Count, duration.TotalSeconds, all.Count, all.Count / elapsed,
            Stats.Percentile(all, 50), Stats.Percentile(all, 95), Stats.Percentile(all, 99),
            reads.Count, Stats.Percentile([.. reads.Select(r => r.Ms)], 99), posts.Count, Stats.Percentile([.. posts.Select(p => p.Ms)], 99),
            statuses.Where(s => s.Key >= 500).Sum(s => s.Value), failures.Count, failures.Take(5).ToList(),
            delivered, closed, app.Errors - errorsBefore, peak,
            statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.Value), minutes);
    }

    private static void Count(ConcurrentDictionary<int, int> statuses, HttpStatusCode status) => statuses.AddOrUpdate((int)status, 1, (_, n) => n + 1);
}

// Latencies in ms, memory in MB. Failures: requests that failed or answered other than success (a post: redirect).
public sealed record SoakResult(
    int Members, int LiveConnections, double Seconds, int Requests, double RequestsPerSecond, double P50, double P95, double P99,
    int Reads, double ReadP99, int Posts, double PostP99, int ServerErrors, int Failures, IReadOnlyList<string> FirstFailures,
    long LiveDeliveries, int LiveConnectionsLost, int AppErrorLines, double PeakRssMb, IReadOnlyDictionary<string, int> Statuses,
    IReadOnlyList<SoakMinute> Minutes);

// One minute of the soak: p99 of the reads and the posts that started in it, and the app's largest RSS sampled in it.
public sealed record SoakMinute(int Minute, double ReadP99, double PostP99, double RssMb);
