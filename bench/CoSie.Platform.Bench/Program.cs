using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CoSie.Platform.Bench;
using Npgsql;

// ./cosie bench [--quick]: seeds a private database at scale, starts the Release app on loopback and measures
// the pages and live paths the platform exists for. Results: a table on stdout and JSON in bench/results/.
var quick = args.Contains("--quick");
var server = Environment.GetEnvironmentVariable("COSIE_BENCH_POSTGRES")
    ?? throw new InvalidOperationException("COSIE_BENCH_POSTGRES is not set; run ./cosie bench.");
var repository = FindRepository();
var invariant = CultureInfo.InvariantCulture;
var settings = new
{
    Quick = quick,
    Duration = quick ? 2 : 8,
    Repeats = quick ? 1 : 3,
    ConnectionSteps = quick ? new[] { 1, 8 } : new[] { 1, 8, 32 },
    ListSize = quick ? 100 : 500,
    FanoutConnections = quick ? 100 : 1000,
    FanoutReplies = quick ? 20 : 100,
};

var database = $"cosie_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
await Admin($"CREATE DATABASE \"{database}\"");
var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
var webRoot = Path.Combine(Path.GetTempPath(), database + "-wwwroot");
try
{
    Console.WriteLine($"Seeding {database} ...");
    var seeder = new BenchSeeder(connectionString);
    await seeder.MigrateAsync();
    var seedClock = Stopwatch.StartNew();
    var data = await seeder.SeedAsync(settings.ListSize, posters: 20);
    Console.WriteLine($"Seeded in {seedClock.Elapsed.TotalSeconds:0.0} s");

    CopyDirectory(Path.Combine(repository, "src/CoSie.Platform.Web/wwwroot"), webRoot);
    await using var app = await AppProcess.StartAsync(repository, connectionString, webRoot);
    using var member = await Session.SignInAsync(app.BaseAddress, data.Instructor);
    var wrk = new Wrk(repository, TimeSpan.FromSeconds(settings.Duration), settings.Repeats);
    var rows = new List<Row>();

    // The same bytes as the thread page, served as a static file by the same app: the ceiling for this machine.
    var threadHtml = await member.GetStringAsync(data.ThreadUrl(1000));
    // Under "_bench": a first segment that no institution slug can take, so the request stays a platform path.
    Directory.CreateDirectory(Path.Combine(webRoot, "_bench"));
    await File.WriteAllTextAsync(Path.Combine(webRoot, "_bench/thread.html"), threadHtml);
    var posts = threadHtml.Split("<article class=\"post").Length - 1;

    foreach (var connections in settings.ConnectionSteps)
    {
        rows.Add(new Row("thread_page", connections, await wrk.RunAsync(new Uri(app.BaseAddress, data.ThreadUrl(1000)), connections, member.CookieHeader), $"{posts} posts"));
        rows.Add(new Row("static_limit", connections, await wrk.RunAsync(new Uri(app.BaseAddress, "/_bench/thread.html"), connections, null), "same bytes, static"));
        rows.Add(new Row("discussion_list", connections, await wrk.RunAsync(new Uri(app.BaseAddress, data.ListUrl), connections, member.CookieHeader), $"{settings.ListSize} reflections"));
    }

    var counter = new QueryCounter(connectionString);
    var queries = new Dictionary<string, double>();
    foreach (var (name, url) in new[] { ("thread 10", data.ThreadUrl(10)), ("thread 100", data.ThreadUrl(100)), ("thread 1000", data.ThreadUrl(1000)), ("list", data.ListUrl) })
    {
        await member.GetStringAsync(url);
        await counter.ResetAsync();
        const int requests = 20;
        for (var i = 0; i < requests; i++)
        {
            await member.GetStringAsync(url);
        }
        queries[name] = (double)await counter.CountAsync() / requests;
    }

    var readers = new List<Session>();
    foreach (var email in data.Posters)
    {
        readers.Add(await Session.SignInAsync(app.BaseAddress, email));
    }
    var before = app.Memory();
    var fanout = await new Fanout(app.BaseAddress, data).RunAsync(readers, member, settings.FanoutConnections, settings.FanoutReplies);
    var after = app.Memory();
    readers.ForEach(r => r.Dispose());

    var report = new StringBuilder();
    report.AppendLine(invariant, $"| scenario | connections | requests/s | p50 ms | p95 ms | p99 ms | bytes | errors | note |");
    report.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    foreach (var row in rows)
    {
        var r = row.Result;
        report.AppendLine(invariant, $"| {row.Scenario} | {row.Connections} | {r.RequestsPerSecond:0} | {r.P50:0.0} | {r.P95:0.0} | {r.P99:0.0} | {r.BytesPerResponse} | {r.Errors} | {row.Note} |");
    }
    foreach (var connections in settings.ConnectionSteps)
    {
        var thread = rows.Single(r => r.Scenario == "thread_page" && r.Connections == connections).Result.RequestsPerSecond;
        var limit = rows.Single(r => r.Scenario == "static_limit" && r.Connections == connections).Result.RequestsPerSecond;
        report.AppendLine(invariant, $"\nthread_page / static_limit at {connections} connections: {thread / limit:0.00}");
    }
    report.AppendLine(invariant, $"\nqueries_per_page (SQL statements per request, warm cache): {string.Join(", ", queries.Select(q => $"{q.Key}: {q.Value:0.0}"))}");
    report.AppendLine(invariant, $"fanout: {fanout.Connections} clients, {fanout.Replies} replies, delivered {fanout.Delivered}/{fanout.Expected}; request start to receipt p50 {fanout.P50:0} ms, p95 {fanout.P95:0} ms, p99 {fanout.P99:0} ms; app RSS {before.Rss:0} MB before, {after.Rss:0} MB after, peak {after.Peak:0} MB");
    Console.WriteLine();
    Console.WriteLine(report);

    var commit = await Git("rev-parse --short HEAD");
    var result = new
    {
        When = DateTimeOffset.UtcNow,
        Commit = commit,
        Machine = new { Cores = Environment.ProcessorCount, MemoryGiB = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024, 1), Cpu = CpuModel(), Os = Environment.OSVersion.ToString() },
        Settings = settings,
        Http = rows,
        QueriesPerPage = queries,
        Fanout = fanout,
        Memory = new { RssBeforeFanoutMb = before.Rss, RssAfterFanoutMb = after.Rss, PeakMb = after.Peak },
    };
    var folder = Path.Combine(repository, "bench/results");
    Directory.CreateDirectory(folder);
    var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{commit}{(quick ? "-quick" : "")}.json");
    await File.WriteAllTextAsync(file, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"Results: {Path.GetRelativePath(repository, file)}");
    return fanout.Delivered == fanout.Expected && rows.All(r => r.Result.Errors == 0) ? 0 : 1;
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await Admin($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    if (Directory.Exists(webRoot))
    {
        Directory.Delete(webRoot, recursive: true);
    }
}

async Task Admin(string sql)
{
    await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static string FindRepository()
{
    var folder = new DirectoryInfo(AppContext.BaseDirectory);
    while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CoSie.Platform.sln")))
    {
        folder = folder.Parent;
    }
    return folder?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
}

static void CopyDirectory(string from, string to)
{
    foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
    {
        var target = Path.Combine(to, Path.GetRelativePath(from, file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target, overwrite: true);
    }
}

static string CpuModel() =>
    File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
        : "unknown";

async Task<string> Git(string arguments)
{
    var start = new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, WorkingDirectory = repository };
    using var process = Process.Start(start)!;
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    return output.Trim();
}

internal sealed record Row(string Scenario, int Connections, LoadResult Result, string Note);
