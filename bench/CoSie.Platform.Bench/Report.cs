using System.Globalization;
using System.Text;

namespace CoSie.Platform.Bench;

// The run as Markdown, ready to paste into bench/README.md.
public static class Report
{
    public static string Markdown(
        BenchSettings settings, Machine machine, string commit, string file, HttpReport http, IReadOnlyList<QueryCount> queries,
        FanoutResult fanout, SoakResult soak, IReadOnlyList<DigestResult> digests, IReadOnlyList<MicroResult> micro,
        LoadAtStart? fanoutLoad = null, LoadAtStart? soakLoad = null, IReadOnlyList<PostCostRow>? postCosts = null)
    {
        var md = new StringBuilder();
        void Line(FormattableString line) => md.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"Measured at commit `{commit}` (`{file}`; {machine.Cores} cores, {machine.Cpu}, load average {machine.LoadAverage1Min:0.0} at the start; {(settings.Quick ? "quick run, " : "")}medians of {settings.Repeats} {settings.Duration}-second wrk runs):");
        md.AppendLine();
        md.AppendLine("| scenario | connections | requests/s | p50 ms | p95 ms | p99 ms | bytes | load at start | note |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var row in http.Rows)
        {
            var r = row.Result;
            Line($"| {row.Scenario} | {row.Connections} | {r.RequestsPerSecond:N0} | {r.P50:0.0} | {r.P95:0.0} | {r.P99:0.0} | {r.BytesPerResponse:N0} | {LoadCell(row.Load)} | {row.Note}{(r.Errors > 0 ? $"; {r.Errors} errors" : "")} |");
        }
        md.AppendLine();
        var unsettled = http.Rows.Where(r => r.Load is { Settled: false }).Select(r => $"{r.Scenario} at {r.Connections}")
            .Concat(fanoutLoad is { Settled: false } ? ["fanout"] : [])
            .Concat(soakLoad is { Settled: false } ? ["soak"] : []).ToList();
        Line($"Load at start: the 1-minute load average when the scenario started, after waiting up to {settings.SettleSeconds} s for it to fall below {settings.SettleLoad:0.0}; * marks a scenario that started before it did.");
        if (unsettled.Count > 0)
        {
            Line($"**Warning: the machine never settled** before {string.Join(", ", unsettled)}: their figures were measured on a busy machine.");
        }
        md.AppendLine();
        var ratios = settings.ConnectionSteps.Select(c => (c, Rate(http, "thread_page", c) / Rate(http, "static_limit", c)))
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Item2:0.00} ({x.c})"));
        Line($"- thread_page against static_limit, same run: {string.Join(", ", ratios)}; target 0.5 at 32 connections. The page as opened holds {http.Page.Posts:N0} posts in {http.Page.Bytes:N0} bytes. The app's peak RSS while wrk ran: {http.PeakRssMb:0} MB.");
        if (http.HasTwentyPostView)
        {
            var at8 = Rate(http, "thread_view_20", 8);
            // Against static_limit of the same run, not against a figure measured on another day: both shift with the
            // machine's load together.
            Line($"- thread_view_20 (`{HttpScenarios.FragmentQuery}`, {http.Fragment.Posts} posts, {http.Fragment.Bytes:N0} bytes): {at8:N0} requests/s at 8 connections, {at8 / Rate(http, "static_limit", 8):0.000} of static_limit in the same run (target ≥ 0.1).");
        }
        else
        {
            Line($"- thread_view_20: `{HttpScenarios.FragmentQuery}` answered {http.Fragment.Status} with {http.Fragment.Posts} posts ({http.Fragment.Bytes:N0} bytes): no 20-post view to measure yet.");
        }
        md.AppendLine();
        md.AppendLine("| queries_per_page | EF Core commands | connection setups | statements PostgreSQL ran |");
        md.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var q in queries)
        {
            Line($"| {q.Page} | {q.Commands}{(q.MaxCommands != q.Commands ? $"–{q.MaxCommands}" : "")} | {q.SessionSetups} | {q.ServerStatements:0.#} |");
        }
        md.AppendLine();
        md.AppendLine("Commands per request as the app's EF Core interceptor reports them in `Server-Timing` (warm cache, 20 requests each; target ≤ 6 and the same at every size); a connection setup is the `set_config` that binds row-level security to the institution; PostgreSQL's own count (`pg_stat_statements`) includes both.");
        md.AppendLine();
        if (postCosts is { Count: > 0 })
        {
            md.Append(PostCostMarkdown(postCosts));
        }
        md.Append(FanoutMarkdown(fanout, fanoutLoad));
        md.AppendLine();
        md.AppendLine("| digest: members | sent | received by SMTP | job s | members/s | SQL statements | RSS before MB | peak RSS MB |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var d in digests)
        {
            Line($"| {d.Members:N0} | {d.Sent:N0} | {d.SmtpMessages:N0} | {d.JobSeconds ?? d.WallSeconds:0.0} | {d.MembersPerSecond:N0} | {d.Statements:N0} | {d.RssBeforeMb:0} | {d.PeakRssMb:0} |");
        }
        md.AppendLine();
        Line($"Each cohort has {settings.DigestPosts:N0} posts in the week; \"Send this week's digests now\" queues the app's `SendCohortDigestsJob`, which its Hangfire server runs, sending through MailKit to an SMTP server on loopback (job s: Hangfire's recorded run time; target ≥ 200 members/s, memory flat as the cohort grows).");
        md.AppendLine();
        md.Append(SoakMarkdown(soak, soakLoad));
        if (micro.Count > 0)
        {
            md.AppendLine();
            Line($"| microbench ({settings.MicrobenchJob} job) | mean | allocated |");
            md.AppendLine("| --- | ---: | ---: |");
            foreach (var m in micro)
            {
                Line($"| {m.Name} | {Time(m.MeanNanoseconds)} | {Bytes(m.AllocatedBytes)} |");
            }
        }
        return md.ToString();
    }

    public static string SynthesisSyncMarkdown(SynthesisSyncResult sync, LoadAtStart load)
    {
        var md = new StringBuilder();
        void Line(FormattableString line) => md.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        md.AppendLine("| synthesis_sync: editors | updates each | refused | delivered | expected | sync p50 ms | sync p99 ms | load at start |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Line($"| {sync.Editors} | {sync.UpdatesEach} | {sync.Refused} | {sync.Delivered:N0} | {sync.Expected:N0} | {sync.P50Ms:0.0} | {sync.P99Ms:0.0} | {LoadCell(load)} |");
        md.AppendLine();
        md.AppendLine("Editors connected over WebSockets to one synthesis all type in the same section at once (a Yjs update of a few characters, then 100 ms); the server merges each under the synthesis's row lock and relays it. Sync latency: from sending an update to its receipt at each other editor.");
        md.AppendLine();
        return md.ToString();
    }

    // Targets: for 1,000 clients in one thread p99 < 250 ms and peak RSS < 500 MB; for 10,000 over 100 threads
    // (./cosie bench --only fanout --fanout-connections 10000 --fanout-threads 100) p99 < 500 ms and RSS < 1.5 GB.
    public static string FanoutMarkdown(FanoutResult fanout, LoadAtStart? fanoutLoad) => string.Create(CultureInfo.InvariantCulture,
        $"- fanout (load at start {LoadCell(fanoutLoad)}): {fanout.Connections:N0} WebSocket clients {(fanout.Threads == 1 ? "in one thread" : $"spread over {fanout.Threads:N0} threads")}, {fanout.Replies:N0} replies posted through the page: {fanout.Delivered:N0} of {fanout.Expected:N0} deliveries, {fanout.Lost} connections lost; from the POST's start to receipt p50 {fanout.P50:0} ms, p95 {fanout.P95:0} ms, p99 {fanout.P99:0} ms. App RSS {fanout.RssBeforeMb:0} MB before, {fanout.RssConnectedMb:0} MB with the clients connected, {fanout.RssAfterMb:0} MB after the replies, peak {fanout.PeakMb:0} MB from the first connection on.{Environment.NewLine}");

    // The soak's line, and its minutes side by side: the first and last show whether latency or memory drift upwards
    // as the threads grow (targets: posts p99 < 250 ms, reads p99 < 150 ms, peak RSS < 600 MB, no drift).
    public static string SoakMarkdown(SoakResult soak, LoadAtStart? soakLoad)
    {
        var md = new StringBuilder();
        void Line(FormattableString line) => md.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"- soak (load at start {LoadCell(soakLoad)}): {soak.Members} members reading and posting for {soak.Seconds:0} s with {soak.LiveConnections:N0} live connections: {soak.Requests:N0} requests, {soak.RequestsPerSecond:N0}/s; p50 {soak.P50:0} ms, p95 {soak.P95:0} ms, p99 {soak.P99:0} ms (reads p99 {soak.ReadP99:0} ms, {soak.Posts:N0} posts p99 {soak.PostP99:0} ms); {soak.ServerErrors} 5xx, {soak.Failures} failed requests, {soak.AppErrorLines} error lines in the app log; {soak.LiveDeliveries:N0} live deliveries, {soak.LiveConnectionsLost} connections lost; peak RSS {soak.PeakRssMb:0} MB.");
        if (soak.Minutes.Count > 1)
        {
            md.AppendLine();
            md.AppendLine("| soak minute | reads p99 ms | posts p99 ms | RSS MB (largest sample) |");
            md.AppendLine("| ---: | ---: | ---: | ---: |");
            foreach (var minute in soak.Minutes)
            {
                Line($"| {minute.Minute} | {minute.ReadP99:0} | {minute.PostP99:0} | {minute.RssMb:0} |");
            }
            var (first, last) = (soak.Minutes[0], soak.Minutes[^1]);
            md.AppendLine();
            Line($"Last minute against the first: reads p99 {Ratio(last.ReadP99, first.ReadP99)}, posts p99 {Ratio(last.PostP99, first.PostP99)}, RSS {Ratio(last.RssMb, first.RssMb)}.");
        }
        return md.ToString();
    }

    private static string Ratio(double last, double first) =>
        first > 0 && !double.IsNaN(last) ? (last / first).ToString("0.00x", CultureInfo.InvariantCulture) : "n/a";

    public static string PostCostMarkdown(IReadOnlyList<PostCostRow> postCosts)
    {
        var md = new StringBuilder();
        void Line(FormattableString line) => md.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        md.AppendLine("| post_cost: thread size | replies | POST p50 ms | POST p95 ms | EF Core commands | connection setups | statements per reply, outbox included | bytes allocated per POST | load at start |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var c in postCosts)
        {
            Line($"| {c.ThreadSize:N0} | {c.Replies} | {c.P50Ms:0.0} | {c.P95Ms:0.0} | {c.Commands}{(c.MaxCommands != c.Commands ? $"–{c.MaxCommands}" : "")} | {c.SessionSetups} | {c.ServerStatements:0.#} | {c.AllocatedBytes / 1024:N0} KB | {LoadCell(c.Load)} |");
        }
        md.AppendLine();
        md.AppendLine("One member posts replies one after the other into each thread through the page; commands and connection setups as the POST reports them in `Server-Timing`; statements as PostgreSQL counted them from the first POST until the discussion outbox was empty (its notifications and pushes included); bytes: the app's allocations while the POST ran (median; the whole process, so outbox work running meanwhile counts too). Target: the same at every size.");
        md.AppendLine();
        md.AppendLine("| post_cost: thread size | 20-post view at 8 connections: requests/s | p50 ms | p95 ms | p99 ms | load at start | app RSS after, MB |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var c in postCosts)
        {
            Line($"| {c.ThreadSize:N0} | {c.View.RequestsPerSecond:N0} | {c.View.P50:0.0} | {c.View.P95:0.0} | {c.View.P99:0.0} | {LoadCell(c.ViewLoad)} | {c.RssMb:0} |");
        }
        md.AppendLine();
        md.AppendLine("The thread's second page of 20 posts, as \"Show more\" loads it, after the posts above changed the thread (target for 100,000 replies: p95 < 20 ms).");
        md.AppendLine();
        return md.ToString();
    }

    private static string LoadCell(LoadAtStart? load) =>
        load is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{load.Load:0.0}{(load.Settled ? "" : "*")}");

    private static double Rate(HttpReport http, string scenario, int connections) =>
        http.Rows.FirstOrDefault(r => r.Scenario == scenario && r.Connections == connections)?.Result.RequestsPerSecond ?? double.NaN;

    private static string Time(double ns) => ns switch
    {
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1_000_000:0.00} ms"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1_000:0.0} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ns:0} ns"),
    };

    private static string Bytes(double? bytes) => bytes switch
    {
        null => "–",
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024 / 1024:0.0} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B"),
    };
}
