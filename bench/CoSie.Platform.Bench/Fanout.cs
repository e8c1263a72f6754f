using System.Diagnostics;
using Npgsql;

namespace CoSie.Platform.Bench;

// Many live readers, in one thread or spread over several; replies posted through the page, in turn into each thread;
// the time until every reader of a thread has each of its replies, and the app's memory while they are connected.
public sealed class Fanout(AppProcess app, BenchData data)
{
    public async Task<FanoutResult> RunAsync(IReadOnlyList<Session> readers, Session poster, int connections, int replies, IReadOnlyList<Guid>? threads = null)
    {
        threads ??= [data.Threads[10]];
        var before = app.Memory();
        app.ResetPeak();
        // Reader i joins thread i modulo the number of threads (LiveClients), so each thread has this many.
        var readersOf = threads.Select((_, t) => Enumerable.Range(0, connections).Count(i => i % threads.Count == t)).ToList();
        await using var clients = await LiveClients.OpenAsync(app.BaseAddress, readers, threads, connections);
        var connected = app.Memory();

        var token = await poster.TokenAsync(UrlOf(threads[0]));
        var sent = new Dictionary<Guid, (long Started, int Readers)>();
        for (var i = 0; i < replies; i++)
        {
            var thread = i % threads.Count;
            var started = Stopwatch.GetTimestamp();
            var postId = await poster.ReplyAsync(UrlOf(threads[thread]), token, $"Live reply {i}");
            sent[postId] = (started, readersOf[thread]);
            await Task.Delay(20);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && sent.Any(s => clients.ReceivedOf(s.Key) < s.Value.Readers))
        {
            await Task.Delay(100);
        }
        var after = app.Memory();

        // The commit happens before the POST answers, so "request start" bounds commit-to-receipt from above.
        var latencies = sent.SelectMany(s => clients.Received.TryGetValue(s.Key, out var bag)
                ? bag.Select(t => Stopwatch.GetElapsedTime(s.Value.Started, t).TotalMilliseconds)
                : [])
            .ToList();
        var delivered = sent.Keys.Sum(clients.ReceivedOf);
        return new FanoutResult(connections, threads.Count, replies, delivered, sent.Values.Sum(s => (long)s.Readers),
            Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 95), Stats.Percentile(latencies, 99),
            before.Rss, connected.Rss, after.Rss, after.Peak, clients.Closed);
    }

    // Threads for readers spread over many: the reflections of the seeded list, oldest first.
    public static async Task<IReadOnlyList<Guid>> ListThreadsAsync(string connectionString, BenchData data, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("/* bench */ SELECT id FROM reflections WHERE prompt_id = @prompt ORDER BY created_at, id LIMIT @count", connection);
        command.Parameters.AddWithValue("prompt", data.ListPromptId);
        command.Parameters.AddWithValue("count", count);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids.Count == count ? ids : throw new InvalidOperationException($"The list holds {ids.Count} reflections, not the {count} threads asked for.");
    }

    private string UrlOf(Guid reflectionId) => $"/{BenchSeeder.Institution}/cohorts/{data.CohortId}/reflections/{reflectionId}";
}
