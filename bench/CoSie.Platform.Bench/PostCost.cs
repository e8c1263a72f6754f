using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Npgsql;

namespace CoSie.Platform.Bench;

// post_cost: what publishing one reply costs as its thread grows. Threads of 100, 10,000 and 100,000 replies are seeded
// set-based by PostgreSQL (its search triggers index each row, as a write would); then one member posts replies into
// each thread one after the other, through the page, as its form does. Per reply: the POST's time, the SQL commands
// and connection setups it reports in Server-Timing, and the bytes the app allocated while it ran (Server-Timing
// "alloc": the whole process's allocations during the request, so it includes any outbox work running meanwhile);
// and every statement PostgreSQL ran from the first POST until the discussion outbox was empty again
// (pg_stat_statements), which adds the notifications and pushes done after commit. Then the thread's 20-post view
// (what "Show more" loads, its second page) under wrk at 8 connections, after the posts changed the thread, and the
// app's RSS after that.
public sealed partial class PostCost(string connectionString, QueryCounter counter)
{
    public static readonly int[] Sizes = [100, 10_000, 100_000];

    public async Task<IReadOnlyDictionary<int, Guid>> SeedAsync(BenchData data)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var threads = new Dictionary<int, Guid>();
        foreach (var size in Sizes)
        {
            var id = Guid.CreateVersion7();
            // A reflection whose replies are a tree two levels deep: every tenth reply answers the reflection, the nine
            // after it answer that one. Its counters are what the use cases would have left.
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO reflections (id, institution_id, cohort_id, prompt_id, author_id, body_source, body_html, status, created_at,
                                         thread_version, last_event_sequence, last_activity_at, is_locked, is_pinned, reply_count, helpful_count, child_count)
                SELECT @id, @institution, @cohort, r.prompt_id,
                       (SELECT m.user_id FROM cohort_members m WHERE m.cohort_id = @cohort AND m.role = 'Learner'
                          AND NOT EXISTS (SELECT 1 FROM reflections o WHERE o.prompt_id = r.prompt_id AND o.author_id = m.user_id)
                        ORDER BY m.user_id LIMIT 1),
                       'A thread of ' || @size || ' replies.', '<p>A thread.</p>', 'Visible', now(),
                       1, 1, now(), false, false, @size, 0, (@size + 9) / 10
                FROM reflections r WHERE r.id = @template;
                INSERT INTO replies (id, institution_id, reflection_id, parent_reply_id, path, depth, author_id, body_source, body_html,
                                     status, created_at, helpful_count, child_count)
                SELECT gen_random_uuid(), @institution, @id, NULL, lpad(((i / 10) + 1)::text, 6, '0'), 0, r.author_id,
                       'Reply ' || i, '<p>Reply ' || i || ': co-creation spreads when people <em>own</em> it.</p>', 'Visible',
                       now() - interval '1 day' + i * interval '1 millisecond', 0, least(9, @size - i - 1)
                FROM generate_series(0, @size - 1, 10) AS i, reflections r WHERE r.id = @template;
                INSERT INTO replies (id, institution_id, reflection_id, parent_reply_id, path, depth, author_id, body_source, body_html,
                                     status, created_at, helpful_count, child_count)
                SELECT gen_random_uuid(), @institution, @id, p.id, p.path || lpad((i % 10)::text, 6, '0'), 1, p.author_id,
                       'Reply ' || i, '<p>Reply ' || i || ': co-creation spreads when people <em>own</em> it.</p>', 'Visible',
                       now() - interval '1 day' + i * interval '1 millisecond', 0, 0
                FROM generate_series(0, @size - 1) AS i
                JOIN replies p ON p.reflection_id = @id AND p.depth = 0 AND p.path = lpad(((i / 10) + 1)::text, 6, '0')
                WHERE i % 10 <> 0;
                ANALYZE replies;
                """, connection);
            command.CommandTimeout = 600;
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("institution", data.InstitutionId);
            command.Parameters.AddWithValue("cohort", data.CohortId);
            command.Parameters.AddWithValue("template", data.Threads[10]);
            command.Parameters.AddWithValue("size", size);
            await command.ExecuteNonQueryAsync();
            threads[size] = id;
        }
        return threads;
    }

    public async Task<IReadOnlyList<PostCostRow>> RunAsync(
        Session member, BenchData data, IReadOnlyDictionary<int, Guid> threads, int replies, Quiet quiet, AppProcess app, Wrk wrk)
    {
        var rows = new List<PostCostRow>();
        foreach (var (size, id) in threads.OrderBy(t => t.Key))
        {
            var url = $"/{BenchSeeder.Institution}/cohorts/{data.CohortId}/reflections/{id}";
            var token = await member.TokenAsync(url);
            // Warm: the first post into a thread fills the app's caches and plans, as for nearly every later one.
            await PostAsync(member, url, token, "Warming up.");
            await DrainedAsync();
            var load = await quiet.WaitAsync($"post_cost {size}");
            await counter.ResetAsync();
            var times = new List<double>();
            var commands = new List<int>();
            var sessions = new List<int>();
            var allocated = new List<double>();
            for (var i = 0; i < replies; i++)
            {
                var (ms, timing) = await PostAsync(member, url, token, $"Reply {i} into a thread of {size}: co-creation *again*.");
                times.Add(ms);
                var sql = SqlMetric().Match(timing);
                var alloc = AllocMetric().Match(timing);
                if (!sql.Success || !alloc.Success)
                {
                    throw new InvalidOperationException($"The reply's POST sent no Server-Timing SQL or alloc metric: {timing}");
                }
                commands.Add(int.Parse(sql.Groups["commands"].Value, CultureInfo.InvariantCulture));
                sessions.Add(int.Parse(sql.Groups["sessions"].Value, CultureInfo.InvariantCulture));
                allocated.Add(double.Parse(alloc.Groups["bytes"].Value, CultureInfo.InvariantCulture));
            }
            await DrainedAsync();
            var statements = (double)await counter.CountAsync(excludeJobStorage: true) / replies;
            var viewUrl = url + HttpScenarios.FragmentQuery;
            using (var first = await member.GetAsync(viewUrl))
            {
                if (!first.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"The 20-post view of {url} answered {(int)first.StatusCode}.");
                }
            }
            var viewLoad = await quiet.WaitAsync($"post_cost {size}, 20-post view");
            var view = await wrk.RunAsync(new Uri(app.BaseAddress, viewUrl), 8, () => member.FreshCookieHeaderAsync(url));
            rows.Add(new PostCostRow(size, replies, LoadResult.MedianOf(times), Stats.Percentile(times, 95), commands.Min(), commands.Max(),
                sessions.Max(), statements, LoadResult.MedianOf(allocated), load, view, viewLoad, app.Memory().Rss));
        }
        return rows;
    }

    private static async Task<(double Ms, string Timing)> PostAsync(Session member, string url, string token, string body)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await member.PostReplyAsync(url, token, body);
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Replying into {url} answered {(int)response.StatusCode}.");
        }
        return (ms, response.Headers.TryGetValues("Server-Timing", out var values) ? string.Join(", ", values) : string.Empty);
    }

    // Until every outbox entry is delivered (the app's worker is woken by each commit), at most a minute.
    private async Task DrainedAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        for (var waited = 0; waited < 600; waited++)
        {
            await using var command = new NpgsqlCommand("/* bench */ SELECT count(*) FROM discussion_outbox", connection);
            if ((long)(await command.ExecuteScalarAsync())! == 0)
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("The discussion outbox was not empty a minute after the last post.");
    }

    [GeneratedRegex(@"sql;dur=[0-9.]+;desc=""(?<commands>[0-9]+)"", sql-session;desc=""(?<sessions>[0-9]+)""")]
    private static partial Regex SqlMetric();

    [GeneratedRegex(@"alloc;desc=""(?<bytes>[0-9]+)""")]
    private static partial Regex AllocMetric();
}

// One thread size: the POST's median and p95 time, its SQL commands (fewest, most) and connection setups, every
// statement PostgreSQL ran per reply until the outbox was empty, and the median bytes allocated during a POST; the
// thread's 20-post view at 8 connections, and the app's RSS (MB) after it.
public sealed record PostCostRow(
    int ThreadSize, int Replies, double P50Ms, double P95Ms, int Commands, int MaxCommands, int SessionSetups, double ServerStatements,
    double AllocatedBytes, LoadAtStart Load, LoadResult View, LoadAtStart ViewLoad, double RssMb);
