using System.Diagnostics;
using System.Text.Json;
using CoSie.Platform.Bench;
using Npgsql;

// ./cosie bench [--quick] [--only search|post_cost|insight|synthesis|soak|fanout] [--search-posts N] [--soak-minutes N]
// [--fanout-connections N] [--fanout-threads N]: seeds a private database at scale,
// starts the Release app on loopback and measures the pages, live paths, digests, search and insight the platform
// exists for. Results: a Markdown report on stdout, and JSON and the same Markdown in bench/results/. "--only S" seeds
// and measures scenario S alone and only prints its report. "--keep" leaves the database in the bench cluster
// afterwards (its name is printed), to look at query plans on the seeded data; drop it by hand when done.
var quick = args.Contains("--quick");
var keep = args.Contains("--keep");
var only = Argument("--only");
var searchPosts = Argument("--search-posts") is { } posts ? int.Parse(posts, System.Globalization.CultureInfo.InvariantCulture) : quick ? 20_000 : 1_000_000;
var server = Environment.GetEnvironmentVariable("COSIE_BENCH_POSTGRES")
    ?? throw new InvalidOperationException("COSIE_BENCH_POSTGRES is not set; run ./cosie bench.");
var repository = FindRepository();
var settings = new BenchSettings(
    Quick: quick,
    Duration: quick ? 2 : 8,
    Repeats: quick ? 1 : 3,
    ConnectionSteps: quick ? [1, 8] : [1, 8, 32],
    ListSize: quick ? 100 : 500,
    FanoutConnections: Argument("--fanout-connections") is { } fanoutReaders ? int.Parse(fanoutReaders, System.Globalization.CultureInfo.InvariantCulture) : quick ? 100 : 1000,
    FanoutReplies: quick ? 20 : 100,
    FanoutThreads: Argument("--fanout-threads") is { } spread ? int.Parse(spread, System.Globalization.CultureInfo.InvariantCulture) : 1,
    SoakMembers: quick ? 20 : 200,
    SoakLiveConnections: quick ? 100 : 1000,
    SoakSeconds: Argument("--soak-minutes") is { } minutes ? (int)(double.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture) * 60) : quick ? 20 : 120,
    DigestSizes: quick ? [100, 500] : [1000, 5000],
    DigestPosts: quick ? 1000 : 20000,
    MicrobenchJob: quick ? "dry" : "short",
    SearchPosts: searchPosts,
    PostCostReplies: quick ? 20 : 100,
    SettleLoad: Argument("--settle-load") is { } settle ? double.Parse(settle, System.Globalization.CultureInfo.InvariantCulture) : Environment.ProcessorCount,
    SettleSeconds: Argument("--settle-seconds") is { } wait ? int.Parse(wait, System.Globalization.CultureInfo.InvariantCulture) : quick ? 20 : 60,
    InsightMembers: quick ? 200 : 1000,
    InsightPosts: quick ? 5000 : 50_000);
var quiet = new Quiet(settings.SettleLoad, TimeSpan.FromSeconds(settings.SettleSeconds));
if (only is not (null or "search" or "post_cost" or "insight" or "synthesis" or "soak" or "fanout"))
{
    Console.Error.WriteLine($"bench: --only {only} is not a scenario that runs alone; only \"search\", \"post_cost\", \"insight\", \"synthesis\", \"soak\" and \"fanout\" do.");
    return 2;
}

var database = $"cosie_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
await Admin($"CREATE DATABASE \"{database}\"");
var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
var webRoot = Path.Combine(Path.GetTempPath(), database + "-wwwroot");
var logFolder = Path.Combine(repository, ".data", "bench-logs", database);
var failures = new List<string>();
try
{
    Console.WriteLine($"Seeding {database} ...");
    await AppProcess.MigrateAsync(repository, connectionString);
    var searchBench = new SearchBench(connectionString);
    if (only == "search")
    {
        var searchOnly = await searchBench.SeedAsync(settings.SearchPosts);
        CopyDirectory(Path.Combine(repository, "src/CoSie.Platform.Web/wwwroot"), webRoot);
        await using var searchApp = await AppProcess.StartAsync(repository, connectionString, webRoot, Path.Combine(logFolder, "app.log"));
        var report = await searchBench.RunAsync(searchApp, searchOnly, settings, repository, new QueryCounter(connectionString));
        Console.WriteLine();
        Console.WriteLine(SearchBench.Markdown(report));
        return report.Rows.Any(r => r.Result.Errors > 0) || searchApp.Errors > 0 ? 1 : 0;
    }
    var insightBench = new InsightBench(connectionString);
    if (only == "insight")
    {
        var insightOnly = await insightBench.SeedAsync(settings.InsightMembers, settings.InsightPosts);
        CopyDirectory(Path.Combine(repository, "src/CoSie.Platform.Web/wwwroot"), webRoot);
        await using var insightApp = await AppProcess.StartAsync(repository, connectionString, webRoot, Path.Combine(logFolder, "app.log"));
        var report = await InsightBench.RunAsync(insightApp, insightOnly, settings, repository, new QueryCounter(connectionString));
        Console.WriteLine();
        Console.WriteLine(InsightBench.Markdown(report));
        return report.Rows.Any(r => r.Result.Errors > 0) || insightApp.Errors > 0 ? 1 : 0;
    }
    if (only == "synthesis")
    {
        // 50 editors in one section of one synthesis (10 with --quick), 20 small updates each (5).
        var (editors, updatesEach) = quick ? (10, 5) : (50, 20);
        var syncData = await new BenchSeeder(connectionString).SeedAsync(settings.ListSize, posters: editors);
        CopyDirectory(Path.Combine(repository, "src/CoSie.Platform.Web/wwwroot"), webRoot);
        await using var syncApp = await AppProcess.StartAsync(repository, connectionString, webRoot, Path.Combine(logFolder, "app.log"));
        var sessions = await Session.SignInAllAsync(syncApp.BaseAddress, syncData.Posters.Take(editors));
        var syncLoad = await quiet.WaitAsync("synthesis_sync");
        var sync = await new SynthesisSync(connectionString, repository).RunAsync(syncApp.BaseAddress, syncData, sessions, editors, updatesEach);
        sessions.ForEach(s => s.Dispose());
        Console.WriteLine();
        Console.WriteLine(Report.SynthesisSyncMarkdown(sync, syncLoad));
        return syncApp.Errors > 0 || sync.Refused > 0 ? 1 : 0;
    }
    if (only == "post_cost")
    {
        var postData = await new BenchSeeder(connectionString).SeedAsync(settings.ListSize, posters: 1);
        var costs = new PostCost(connectionString, new QueryCounter(connectionString));
        var costThreads = await costs.SeedAsync(postData);
        CopyDirectory(Path.Combine(repository, "src/CoSie.Platform.Web/wwwroot"), webRoot);
        await using var costApp = await AppProcess.StartAsync(repository, connectionString, webRoot, Path.Combine(logFolder, "app.log"));
        using var poster = await Session.SignInAsync(costApp.BaseAddress, postData.Instructor);
        var costRows = await costs.RunAsync(poster, postData, costThreads, settings.PostCostReplies, quiet, costApp,
            new Wrk(repository, TimeSpan.FromSeconds(settings.Duration), settings.Repeats));
        Console.WriteLine();
        Console.WriteLine(Report.PostCostMarkdown(costRows));
        return costApp.Errors > 0 ? 1 : 0;
    }
    if (only == "fanout")
    {
        var fanoutData = await new BenchSeeder(connectionString).SeedAsync(Math.Max(settings.ListSize, settings.FanoutThreads), posters: settings.SoakMembers);
        var threads = settings.FanoutThreads == 1 ? null : await Fanout.ListThreadsAsync(connectionString, fanoutData, settings.FanoutThreads);
        CopyDirectory(Path.Combine(repository, "src/CoSie.Platform.Web/wwwroot"), webRoot);
        await using var fanoutApp = await AppProcess.StartAsync(repository, connectionString, webRoot, Path.Combine(logFolder, "app.log"));
        using var poster = await Session.SignInAsync(fanoutApp.BaseAddress, fanoutData.Instructor);
        var readers = await Session.SignInAllAsync(fanoutApp.BaseAddress, fanoutData.Posters);
        var onlyFanoutLoad = await quiet.WaitAsync("fanout");
        // As many replies as in the full run's one thread, and at least two into each thread.
        var replies = Math.Max(settings.FanoutReplies, 2 * settings.FanoutThreads);
        Console.WriteLine($"fanout: {settings.FanoutConnections:N0} connections over {settings.FanoutThreads} threads, {replies} replies ...");
        var fanoutOnly = await new Fanout(fanoutApp, fanoutData).RunAsync(readers, poster, settings.FanoutConnections, replies, threads);
        readers.ForEach(r => r.Dispose());
        Console.WriteLine();
        Console.WriteLine(Report.FanoutMarkdown(fanoutOnly, onlyFanoutLoad));
        return fanoutOnly.Delivered != fanoutOnly.Expected || fanoutOnly.Lost > 0 || fanoutApp.Errors > 0 ? 1 : 0;
    }
    if (only == "soak")
    {
        var soakData = await new BenchSeeder(connectionString).SeedAsync(settings.ListSize, posters: settings.SoakMembers);
        CopyDirectory(Path.Combine(repository, "src/CoSie.Platform.Web/wwwroot"), webRoot);
        await using var soakApp = await AppProcess.StartAsync(repository, connectionString, webRoot, Path.Combine(logFolder, "app.log"));
        var soakMembers = await Session.SignInAllAsync(soakApp.BaseAddress, soakData.Posters);
        var onlySoakLoad = await quiet.WaitAsync("soak");
        Console.WriteLine($"soak: {settings.SoakMembers} members for {settings.SoakSeconds} s with {settings.SoakLiveConnections} live connections ...");
        var soakOnly = await new Soak(soakApp, soakData, null).RunAsync(soakMembers, settings.SoakLiveConnections, TimeSpan.FromSeconds(settings.SoakSeconds));
        soakMembers.ForEach(m => m.Dispose());
        Console.WriteLine();
        Console.WriteLine(Report.SoakMarkdown(soakOnly, onlySoakLoad));
        return soakOnly.ServerErrors > 0 || soakOnly.Failures > 0 || soakOnly.AppErrorLines > 0 || soakApp.Errors > 0 ? 1 : 0;
    }
    var seeder = new BenchSeeder(connectionString);
    var seedClock = Stopwatch.StartNew();
    var data = await seeder.SeedAsync(settings.ListSize, posters: settings.SoakMembers);
    var digestCohorts = await new DigestSeeder(connectionString).SeedAsync(settings.DigestSizes, settings.DigestPosts);
    var searchData = await searchBench.SeedAsync(settings.SearchPosts);
    var insightData = await insightBench.SeedAsync(settings.InsightMembers, settings.InsightPosts);
    var postCost = new PostCost(connectionString, new QueryCounter(connectionString));
    var postCostThreads = await postCost.SeedAsync(data);
    Console.WriteLine($"Seeded in {seedClock.Elapsed.TotalSeconds:0.0} s");

    CopyDirectory(Path.Combine(repository, "src/CoSie.Platform.Web/wwwroot"), webRoot);
    var counter = new QueryCounter(connectionString);
    HttpReport http;
    List<QueryCount> queries;
    FanoutResult fanout;
    SearchResultReport search;
    InsightResultReport insight;
    SoakResult soak;
    LoadAtStart fanoutLoad, soakLoad;
    IReadOnlyList<PostCostRow> postCosts;
    int appErrors;
    // Page weight in an app of its own with the static assets' real headers: the app below serves a page written
    // into its web root while it runs (static_limit), which only the static asset runtime handler does, and that
    // handler marks every asset no-cache.
    IReadOnlyList<WeightRow> weights;
    await using (var weighed = await AppProcess.StartAsync(repository, connectionString, webRoot, Path.Combine(logFolder, "app-weight.log")))
    {
        Console.WriteLine("page weight ...");
        using var reader = await Session.SignInAsync(weighed.BaseAddress, data.Instructor);
        var weight = new PageWeight(weighed.BaseAddress);
        weights =
        [
            await weight.MeasureAsync("sign-in", $"/{BenchSeeder.Institution}/Account/Login", null),
            await weight.MeasureAsync($"prompt with {settings.ListSize} reflections", data.ListUrl, reader),
            await weight.MeasureAsync("thread of 1,000 replies, as opened", data.ThreadUrl(1000), reader),
        ];
    }
    await using (var app = await AppProcess.StartAsync(repository, connectionString, webRoot, Path.Combine(logFolder, "app.log"),
        new Dictionary<string, string> { ["ReloadStaticAssetsAtRuntime"] = "true" }))
    {
        using var member = await Session.SignInAsync(app.BaseAddress, data.Instructor);
        Console.WriteLine("HTTP: thread_page, thread_view_20, static_limit, discussion_list ...");
        app.ResetPeak();
        http = await new HttpScenarios(repository, app, data, settings, webRoot, quiet).RunAsync(member);
        http = http with { PeakRssMb = app.Memory().Peak };

        Console.WriteLine("queries_per_page ...");
        var perPage = new QueriesPerPage(counter);
        queries = [];
        foreach (var size in new[] { 10, 100, 1000 })
        {
            queries.Add(await perPage.MeasureAsync(member, $"thread of {size} replies", data.ThreadUrl(size)));
        }
        if (http.HasTwentyPostView)
        {
            queries.Add(await perPage.MeasureAsync(member, "20-post view of 1,000", http.Fragment.Url));
        }
        queries.Add(await perPage.MeasureAsync(member, $"list of {settings.ListSize} reflections", data.ListUrl));

        Console.WriteLine($"post_cost: {settings.PostCostReplies} replies into threads of {string.Join(", ", PostCost.Sizes)} ...");
        postCosts = await postCost.RunAsync(member, data, postCostThreads, settings.PostCostReplies, quiet, app,
            new Wrk(repository, TimeSpan.FromSeconds(settings.Duration), settings.Repeats));

        Console.WriteLine($"search: {settings.SearchPosts:N0} posts ...");
        try
        {
            search = await searchBench.RunAsync(app, searchData, settings, repository, counter);
        }
        catch (HttpRequestException e)
        {
            // A failing search fails the run, but the scenarios after it are still measured and reported.
            failures.Add($"search: {e.Message} (see the app log)");
            search = new SearchResultReport(searchData, [], [], new Dictionary<string, int> { ["common"] = 0, ["rare"] = 0 }, []);
        }

        Console.WriteLine($"insight: {settings.InsightMembers:N0} members, {settings.InsightPosts:N0} posts ...");
        try
        {
            insight = await InsightBench.RunAsync(app, insightData, settings, repository, counter);
        }
        catch (HttpRequestException e)
        {
            failures.Add($"insight: {e.Message} (see the app log)");
            insight = new InsightResultReport(insightData, [], []);
        }

        var members = await Session.SignInAllAsync(app.BaseAddress, data.Posters);
        Console.WriteLine("fanout ...");
        fanoutLoad = await quiet.WaitAsync("fanout");
        fanout = await new Fanout(app, data).RunAsync(members, member, settings.FanoutConnections, settings.FanoutReplies);
        Console.WriteLine($"soak: {settings.SoakMembers} members for {settings.SoakSeconds} s with {settings.SoakLiveConnections} live connections ...");
        soakLoad = await quiet.WaitAsync("soak");
        soak = await new Soak(app, data, http.HasTwentyPostView ? http.Fragment.Url : null)
            .RunAsync(members, settings.SoakLiveConnections, TimeSpan.FromSeconds(settings.SoakSeconds));
        members.ForEach(m => m.Dispose());
        appErrors = app.Errors;
    }

    var digests = new List<DigestResult>();
    foreach (var size in settings.DigestSizes)
    {
        Console.WriteLine($"digest: {size} members ...");
        digests.Add(await new DigestBench(repository, connectionString, webRoot, logFolder, counter).RunAsync(size, digestCohorts[size]));
    }

    Console.WriteLine($"microbench ({settings.MicrobenchJob} job) ...");
    var micro = await Microbenchmarks.RunAsync(repository, settings.MicrobenchJob, Path.Combine(logFolder, "microbench"));

    if (http.Rows.Any(r => r.Result.Errors > 0))
    {
        failures.Add("wrk saw errors or non-2xx answers");
    }
    if (search.Rows.Any(r => r.Result.Errors > 0))
    {
        failures.Add("wrk saw errors or non-2xx answers in the search scenario");
    }
    if (insight.Rows.Any(r => r.Result.Errors > 0))
    {
        failures.Add("wrk saw errors or non-2xx answers in the insight scenario");
    }
    if (fanout.Delivered != fanout.Expected || fanout.Lost > 0)
    {
        failures.Add($"fanout delivered {fanout.Delivered} of {fanout.Expected}, {fanout.Lost} connections lost");
    }
    if (soak.ServerErrors > 0 || soak.Failures > 0 || soak.AppErrorLines > 0)
    {
        failures.Add($"soak: {soak.ServerErrors} 5xx, {soak.Failures} failed requests, {soak.AppErrorLines} error lines in the app log");
    }
    if (appErrors > 0)
    {
        failures.Add($"the app logged {appErrors} errors; see {Path.GetRelativePath(repository, logFolder)}");
    }
    // Every member and the cohort's instructor get a digest.
    foreach (var digest in digests.Where(d => d.Pending > 0 || d.Sent != d.Members + 1 || d.SmtpMessages != d.Sent || d.AppErrorLines > 0))
    {
        failures.Add($"digest of {digest.Members}: {digest.Sent} sent, {digest.Pending} pending, {digest.SmtpMessages} received by SMTP, {digest.AppErrorLines} app errors");
    }
    if (micro.Count == 0)
    {
        failures.Add("microbench produced no results");
    }

    var commit = await Git("rev-parse --short HEAD");
    var dirty = (await Git("status --porcelain --untracked-files=no")).Length > 0;
    var machine = Machine.Describe();
    var stamp = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{commit}{(dirty ? "-dirty" : "")}{(quick ? "-quick" : "")}";
    var folder = Path.Combine(repository, "bench/results");
    var markdown = Report.Markdown(settings, machine, commit + (dirty ? " (with uncommitted changes)" : ""), $"bench/results/{stamp}.json", http, queries, fanout, soak, digests, micro, fanoutLoad, soakLoad, postCosts)
        + Environment.NewLine + SearchBench.Markdown(search) + Environment.NewLine + InsightBench.Markdown(insight)
        + Environment.NewLine + PageWeightReport.Markdown(weights);
    Console.WriteLine();
    Console.WriteLine(markdown);
    var result = new
    {
        When = DateTimeOffset.UtcNow,
        Commit = commit,
        Dirty = dirty,
        Machine = machine,
        Settings = settings,
        Http = http.Rows,
        ThreadViews = new { http.Page, http.Fragment, http.Static, http.PeakRssMb },
        QueriesPerPage = queries,
        PostCost = postCosts,
        Fanout = fanout,
        LoadAtStart = new { Threshold = settings.SettleLoad, Fanout = fanoutLoad, Soak = soakLoad },
        Search = new { search.Data, search.Rows, search.Queries, search.Hits, IndexSizes = search.IndexSizes.Select(i => new { i.Index, i.Bytes }) },
        Insight = new { insight.Data, insight.Rows, insight.Queries },
        Soak = soak,
        PageWeight = weights,
        Digests = digests,
        Microbench = micro,
        Failures = failures,
    };
    Directory.CreateDirectory(folder);
    var file = Path.Combine(folder, stamp + ".json");
    await File.WriteAllTextAsync(file, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
    await File.WriteAllTextAsync(Path.ChangeExtension(file, ".md"), markdown);
    Console.WriteLine($"Results: {Path.GetRelativePath(repository, file)} (and .md); app logs: {Path.GetRelativePath(repository, logFolder)}");
    foreach (var failure in failures)
    {
        Console.Error.WriteLine("bench: " + failure);
    }
    return failures.Count == 0 ? 0 : 1;
}
finally
{
    NpgsqlConnection.ClearAllPools();
    if (keep)
    {
        Console.WriteLine($"Kept database {database} in the bench cluster.");
    }
    else
    {
        await Admin($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }
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

string? Argument(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
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

async Task<string> Git(string arguments)
{
    var start = new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, WorkingDirectory = repository };
    using var process = Process.Start(start)!;
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    return output.Trim();
}
