using System.Diagnostics;
using System.Globalization;
using System.Text;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoSie.Platform.Bench;

// search: one cohort with many posts (BenchSettings.SearchPosts; 1,000,000 in a full run), searched by a learner for a
// word in every second post ("common") and one in about one post in 10,000 ("rare"), with wrk at each connection
// count; the statements per search, and the size of the search indexes (with the btree indexes that read posts newest
// first). An institution of its own ("bench-search"),
// so that the other scenarios' pages do not grow with it.
//
// Replies are seeded set-based by PostgreSQL itself (generate_series), which also runs the search triggers for each
// row: the seeding time includes indexing, as writing posts one by one would.
public sealed class SearchBench(string connectionString)
{
    public const string Institution = "bench-search";
    private const int Threads = 1000;
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public async Task<SearchData> SeedAsync(int posts)
    {
        var clock = Stopwatch.StartNew();
        var institution = new Institution { Slug = Institution, Name = "Bench Search University", CreatedAt = Start };
        var tenant = new TenantContext();
        tenant.Set(InstitutionInfo.From(institution));
        var options = new DbContextOptionsBuilder<PlatformDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsAssembly(DataServiceCollectionExtensions.MigrationsAssemblyName))
            .UseSnakeCaseNamingConvention()
            .Options;
        await using var db = new PlatformDbContext(options, tenant);
        db.Institutions.Add(institution);
        var hash = new PasswordHasher<PlatformUser>().HashPassword(new PlatformUser(), BenchSeeder.Password);
        var users = Enumerable.Range(0, Threads + 1).Select(i => BenchSeeder.NewUser($"searcher{i}@bench-search.test", hash, Start)).ToList();
        db.Users.AddRange(users);
        var course = new Course { InstitutionId = institution.Id, Slug = "search-course", Title = "Search course", CreatedAt = Start, UpdatedAt = Start };
        var module = new CourseModule
        {
            InstitutionId = institution.Id,
            CourseId = course.Id,
            Slug = "search-module",
            Title = "Co-creation in public services",
            Language = "en",
            Status = ModuleStatus.Published,
            BodyHtml = "<p>How services are designed together with the people who use them.</p>",
            CreatedAt = Start,
            UpdatedAt = Start,
        };
        var prompt = new ReflectionPrompt { InstitutionId = institution.Id, ModuleId = module.Id, Position = 0, Text = "Who took part in designing the service?" };
        module.Prompts.Add(prompt);
        var cohort = new Cohort { InstitutionId = institution.Id, CourseId = course.Id, Name = "Search cohort", StartsOn = new DateOnly(2026, 9, 1), PostFirst = false, CreatedAt = Start };
        db.Courses.Add(course);
        db.Modules.Add(module);
        db.Cohorts.Add(cohort);
        foreach (var user in users)
        {
            db.InstitutionMemberships.Add(new InstitutionMembership { InstitutionId = institution.Id, UserId = user.Id, Role = InstitutionRole.Learner, CreatedAt = Start });
            db.CohortMembers.Add(new CohortMember { InstitutionId = institution.Id, CohortId = cohort.Id, UserId = user.Id, Role = CohortRole.Learner, JoinedAt = Start, DigestFrequency = DigestFrequency.Off });
        }
        var reflections = users.Skip(1).Select((author, i) => new Reflection
        {
            InstitutionId = institution.Id,
            CohortId = cohort.Id,
            PromptId = prompt.Id,
            AuthorId = author.Id,
            BodySource = $"Reflection {i} about the residents' workshop.",
            BodyHtml = $"<p>Reflection {i} about the residents' workshop.</p>",
            CreatedAt = Start,
            LastActivityAt = Start,
        }).ToList();
        db.Reflections.AddRange(reflections);
        await db.SaveChangesAsync();

        // Each reply: eight words of a small vocabulary, "service" in every second one, "zeppelin" in one of 10,000.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var seed = new NpgsqlCommand(
            """
            /* bench */
            WITH words AS (SELECT ARRAY['resident','workshop','budget','library','volunteer','council','design','pilot',
                                        'feedback','school','transport','health','youth','elderly','citizen','manager'] AS w),
                 threads AS (SELECT array_agg(id ORDER BY id) AS ids FROM reflections WHERE cohort_id = @cohort)
            INSERT INTO replies (id, institution_id, reflection_id, parent_reply_id, path, depth, author_id, body_source, body_html,
                                 status, created_at, helpful_count, child_count)
            SELECT gen_random_uuid(), @institution, t.ids[1 + g % @threads], NULL, lpad((1 + g / @threads)::text, 6, '0'), 0,
                   @author, b.body, '<p>' || b.body || '</p>', 'Visible', @start + g * interval '1 second', 0, 0
            FROM generate_series(0, @posts - 1) AS g
            CROSS JOIN threads t
            CROSS JOIN words
            CROSS JOIN LATERAL (
                SELECT concat_ws(' ',
                    words.w[1 + (g * 7) % 16], words.w[1 + (g * 11 + 3) % 16], words.w[1 + (g * 13 + 5) % 16],
                    CASE WHEN g % 2 = 0 THEN 'service' END, words.w[1 + (g * 17 + 1) % 16],
                    CASE WHEN g % 10000 = 4242 THEN 'zeppelin' END, words.w[1 + (g * 19 + 9) % 16], words.w[1 + (g * 23 + 2) % 16],
                    'number', g::text) AS body
            ) AS b;
            """, connection);
        seed.CommandTimeout = 0;
        seed.Parameters.AddWithValue("cohort", cohort.Id);
        seed.Parameters.AddWithValue("institution", institution.Id);
        seed.Parameters.AddWithValue("threads", Threads);
        seed.Parameters.AddWithValue("author", users[0].Id);
        seed.Parameters.AddWithValue("start", Start);
        seed.Parameters.AddWithValue("posts", posts);
        await seed.ExecuteNonQueryAsync();
        // Every table vacuumed and analyzed before the first search: a bulk load leaves the GIN indexes' pending lists
        // full and the heap without a visibility map, and the tables seeded through EF Core (reflections, members)
        // without statistics until autovacuum comes by, about a minute later. Planned without them, the first rows of
        // the common word ran at 6 searches a second instead of 90. The scenarios measure the steady state of posts
        // that arrived over months, not how far autovacuum has got.
        await using var vacuum = new NpgsqlCommand("/* bench */ VACUUM (ANALYZE)", connection) { CommandTimeout = 0 };
        await vacuum.ExecuteNonQueryAsync();
        return new SearchData(users[^1].Email!, posts, clock.Elapsed.TotalSeconds);
    }

    public async Task<SearchResultReport> RunAsync(AppProcess app, SearchData data, BenchSettings settings, string repository, QueryCounter counter)
    {
        using var learner = await Session.SignInAsync(app.BaseAddress, data.Learner, Institution);
        var wrk = new Wrk(repository, TimeSpan.FromSeconds(settings.Duration), settings.Repeats);
        var quiet = new Quiet(settings.SettleLoad, TimeSpan.FromSeconds(settings.SettleSeconds));
        var rows = new List<Row>();
        var hits = new Dictionary<string, int>();
        foreach (var (name, words) in new[] { ("common", "service"), ("rare", "zeppelin") })
        {
            var url = $"/{Institution}/search?q={words}";
            var html = await learner.GetStringAsync(url);
            hits[name] = html.Split("class=\"card search-hit\"").Length - 1;
            foreach (var connections in settings.ConnectionSteps)
            {
                var load = await quiet.WaitAsync($"search_{name} at {connections}");
                rows.Add(new Row($"search_{name}", connections, await wrk.RunAsync(new Uri(app.BaseAddress, url), connections, () => learner.FreshCookieHeaderAsync(url)),
                    $"\"{words}\" in {data.Posts:N0} posts", load));
            }
        }
        var perPage = new QueriesPerPage(counter);
        var queries = new List<QueryCount>
        {
            await perPage.MeasureAsync(learner, "search, common word", $"/{Institution}/search?q=service"),
            await perPage.MeasureAsync(learner, "search, rare word", $"/{Institution}/search?q=zeppelin"),
        };
        return new SearchResultReport(data, rows, queries, hits, await IndexSizesAsync());
    }

    private async Task<IReadOnlyList<(string Index, long Bytes)>> IndexSizesAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            /* bench */
            SELECT c.relname, pg_relation_size(c.oid) FROM pg_class c
            WHERE c.relkind = 'i' AND (c.relname LIKE '%search_vector' OR c.relname LIKE '%trgm'
                                       OR c.relname IN ('ix_replies_institution_id_created_at', 'ix_reflections_institution_id_created_at'))
            ORDER BY 2 DESC
            """, connection);
        var sizes = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sizes.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        return sizes;
    }

    public static string Markdown(SearchResultReport report)
    {
        var md = new StringBuilder();
        void Line(FormattableString line) => md.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"search: one cohort with {report.Data.Posts:N0} replies in {Threads:N0} threads (seeded and indexed in {report.Data.SeedSeconds:0} s); a learner searches the word of every second post (\"service\", {report.Hits["common"]} results on the page) and one in 10,000 (\"zeppelin\", {report.Hits["rare"]} on the page).");
        md.AppendLine();
        md.AppendLine("| scenario | connections | requests/s | p50 ms | p95 ms | p99 ms | bytes | load at start | note |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var row in report.Rows)
        {
            var r = row.Result;
            var load = row.Load is { } l ? string.Create(CultureInfo.InvariantCulture, $"{l.Load:0.0}{(l.Settled ? "" : "*")}") : "–";
            Line($"| {row.Scenario} | {row.Connections} | {r.RequestsPerSecond:N0} | {r.P50:0.0} | {r.P95:0.0} | {r.P99:0.0} | {r.BytesPerResponse:N0} | {load} | {row.Note}{(r.Errors > 0 ? $"; {r.Errors} errors" : "")} |");
        }
        md.AppendLine();
        md.AppendLine("| statements per search | EF Core commands | connection setups | statements PostgreSQL ran |");
        md.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var q in report.Queries)
        {
            Line($"| {q.Page} | {q.Commands}{(q.MaxCommands != q.Commands ? $"–{q.MaxCommands}" : "")} | {q.SessionSetups} | {q.ServerStatements:0.#} |");
        }
        md.AppendLine();
        md.AppendLine("| search index | size |");
        md.AppendLine("| --- | ---: |");
        foreach (var (index, bytes) in report.IndexSizes)
        {
            Line($"| {index} | {bytes / 1024.0 / 1024.0:N1} MB |");
        }
        return md.ToString();
    }
}

public sealed record SearchData(string Learner, int Posts, double SeedSeconds);

public sealed record SearchResultReport(
    SearchData Data, IReadOnlyList<Row> Rows, IReadOnlyList<QueryCount> Queries, IReadOnlyDictionary<string, int> Hits,
    IReadOnlyList<(string Index, long Bytes)> IndexSizes);
