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

// insight: the instructor's cohort insight page (Features/Insight) on one large cohort: BenchSettings.InsightMembers
// members (1,000 in a full run) answering three prompts, and replies among them up to BenchSettings.InsightPosts posts
// in all (50,000), spread over 60 days, each reply by a member to another's reflection. wrk at each connection count
// on the page as it opens (every chart, the network and the worklists) and narrowed to one prompt; the statements per
// page. An institution of its own ("bench-insight"), so that the other scenarios' pages do not grow with it.
public sealed class InsightBench(string connectionString)
{
    public const string Institution = "bench-insight";
    private const int Prompts = 3;
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    public async Task<InsightData> SeedAsync(int members, int posts)
    {
        var clock = Stopwatch.StartNew();
        var institution = new Institution { Slug = Institution, Name = "Bench Insight University", CreatedAt = Start };
        var tenant = new TenantContext();
        tenant.Set(InstitutionInfo.From(institution));
        var options = new DbContextOptionsBuilder<PlatformDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsAssembly(DataServiceCollectionExtensions.MigrationsAssemblyName))
            .UseSnakeCaseNamingConvention()
            .Options;
        await using var db = new PlatformDbContext(options, tenant);
        db.Institutions.Add(institution);
        var hash = new PasswordHasher<PlatformUser>().HashPassword(new PlatformUser(), BenchSeeder.Password);
        var users = Enumerable.Range(0, members).Select(i => BenchSeeder.NewUser(i == 0 ? "instructor@bench-insight.test" : $"member{i}@bench-insight.test", hash, Start)).ToList();
        db.Users.AddRange(users);
        var course = new Course { InstitutionId = institution.Id, Slug = "insight-course", Title = "Insight course", CreatedAt = Start, UpdatedAt = Start };
        var module = new CourseModule
        {
            InstitutionId = institution.Id,
            CourseId = course.Id,
            Slug = "insight-module",
            Title = "Co-creation in public services",
            Language = "en",
            Status = ModuleStatus.Published,
            BodyHtml = "<p>How services are designed together with the people who use them.</p>",
            CreatedAt = Start,
            UpdatedAt = Start,
        };
        var prompts = Enumerable.Range(0, Prompts)
            .Select(i => new ReflectionPrompt { InstitutionId = institution.Id, ModuleId = module.Id, Position = i, Text = $"Prompt {i + 1}: who took part, and who did not?" })
            .ToList();
        prompts.ForEach(module.Prompts.Add);
        var cohort = new Cohort { InstitutionId = institution.Id, CourseId = course.Id, Name = "Insight cohort", StartsOn = DateOnly.FromDateTime(Start.UtcDateTime), PostFirst = false, CreatedAt = Start };
        db.Courses.Add(course);
        db.Modules.Add(module);
        db.Cohorts.Add(cohort);
        for (var i = 0; i < users.Count; i++)
        {
            var instructor = i == 0;
            db.InstitutionMemberships.Add(new InstitutionMembership
            {
                InstitutionId = institution.Id,
                UserId = users[i].Id,
                Role = instructor ? InstitutionRole.Instructor : InstitutionRole.Learner,
                CreatedAt = Start,
            });
            db.CohortMembers.Add(new CohortMember
            {
                InstitutionId = institution.Id,
                CohortId = cohort.Id,
                UserId = users[i].Id,
                Role = instructor ? CohortRole.Instructor : CohortRole.Learner,
                JoinedAt = Start,
                DigestFrequency = DigestFrequency.Off,
            });
        }
        // Reflections: every learner answers the first prompt, fewer the later ones (every 5th skips the second, every
        // 3rd the third), days apart; replies: the rest of the posts, each by a learner to another learner's reflection,
        // over 60 days, written set-based by PostgreSQL, which runs the triggers a write runs.
        var learners = users.Skip(1).ToList();
        for (var n = 0; n < learners.Count; n++)
        {
            foreach (var prompt in prompts)
            {
                if ((prompt.Position == 1 && n % 5 == 0) || (prompt.Position == 2 && n % 3 == 0))
                {
                    continue;
                }
                var at = Start + TimeSpan.FromDays(prompt.Position * 14 + n % 14) + TimeSpan.FromHours(n % 24);
                db.Reflections.Add(new Reflection
                {
                    InstitutionId = institution.Id,
                    CohortId = cohort.Id,
                    PromptId = prompt.Id,
                    AuthorId = learners[n].Id,
                    BodySource = "A reflection on the workshop with residents and the council.",
                    BodyHtml = "<p>A reflection on the workshop with residents and the council.</p>",
                    CreatedAt = at,
                    LastActivityAt = at,
                });
            }
        }
        await db.SaveChangesAsync();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var seed = new NpgsqlCommand(
            """
            /* bench */
            WITH threads AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(author_id ORDER BY id) AS authors, count(*) AS n FROM reflections WHERE cohort_id = @cohort),
                 learners AS (SELECT array_agg(user_id ORDER BY user_id) AS ids, count(*) AS n FROM cohort_members WHERE cohort_id = @cohort AND role = 'Learner'),
                 wanted AS (SELECT GREATEST(@posts - (SELECT n FROM threads), 0) AS n)
            INSERT INTO replies (id, institution_id, reflection_id, parent_reply_id, path, depth, author_id, body_source, body_html,
                                 status, created_at, helpful_count, child_count)
            SELECT gen_random_uuid(), @institution, t.ids[(1 + (g * 7919) % t.n)::int], NULL, lpad((1 + g / t.n)::text, 6, '0'), 0,
                   CASE WHEN l.ids[(1 + (g * 104729) % l.n)::int] = t.authors[(1 + (g * 7919) % t.n)::int] THEN l.ids[(1 + (g * 104729 + 1) % l.n)::int]
                        ELSE l.ids[(1 + (g * 104729) % l.n)::int] END,
                   'A reply about budgets, volunteers and the library pilot.', '<p>A reply about budgets, volunteers and the library pilot.</p>',
                   'Visible', @start + interval '1 day' + (g % 59) * interval '1 day' + (g % 86399) * interval '1 second', 0, 0
            FROM wanted w CROSS JOIN threads t CROSS JOIN learners l CROSS JOIN generate_series(0, w.n - 1) AS g;
            ANALYZE reflections;
            ANALYZE replies;
            """, connection);
        seed.CommandTimeout = 0;
        seed.Parameters.AddWithValue("cohort", cohort.Id);
        seed.Parameters.AddWithValue("module", module.Id);
        seed.Parameters.AddWithValue("institution", institution.Id);
        seed.Parameters.AddWithValue("start", Start);
        seed.Parameters.AddWithValue("posts", posts);
        await seed.ExecuteNonQueryAsync();
        return new InsightData(users[0].Email!, cohort.Id, prompts[1].Id, members, posts, clock.Elapsed.TotalSeconds);
    }

    public static async Task<InsightResultReport> RunAsync(AppProcess app, InsightData data, BenchSettings settings, string repository, QueryCounter counter)
    {
        using var instructor = await Session.SignInAsync(app.BaseAddress, data.Instructor, Institution);
        var wrk = new Wrk(repository, TimeSpan.FromSeconds(settings.Duration), settings.Repeats);
        var quiet = new Quiet(settings.SettleLoad, TimeSpan.FromSeconds(settings.SettleSeconds));
        var pages = new[]
        {
            ("insight_page", $"/{Institution}/cohorts/{data.CohortId}/insight", "every chart, the network and the worklists"),
            ("insight_prompt", $"/{Institution}/cohorts/{data.CohortId}/insight?prompt={data.PromptId}", "narrowed to one prompt, with its reminder lists"),
        };
        var rows = new List<Row>();
        foreach (var (name, url, note) in pages)
        {
            using var check = await instructor.GetAsync(url);
            check.EnsureSuccessStatusCode();
            foreach (var connections in settings.ConnectionSteps)
            {
                var load = await quiet.WaitAsync($"{name} at {connections}");
                rows.Add(new Row(name, connections, await wrk.RunAsync(new Uri(app.BaseAddress, url), connections, () => instructor.FreshCookieHeaderAsync(url)),
                    $"{note}; {data.Members:N0} members, {data.Posts:N0} posts", load));
            }
        }
        var perPage = new QueriesPerPage(counter);
        var queries = new List<QueryCount>();
        foreach (var (name, url, _) in pages)
        {
            queries.Add(await perPage.MeasureAsync(instructor, name, url));
        }
        return new InsightResultReport(data, rows, queries);
    }

    public static string Markdown(InsightResultReport report)
    {
        var md = new StringBuilder();
        void Line(FormattableString line) => md.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"insight: one cohort of {report.Data.Members:N0} members with {report.Data.Posts:N0} posts (seeded in {report.Data.SeedSeconds:0} s); its instructor opens the insight page.");
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
        md.AppendLine("| statements per page | EF Core commands | connection setups | statements PostgreSQL ran |");
        md.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var q in report.Queries)
        {
            Line($"| {q.Page} | {q.Commands}{(q.MaxCommands != q.Commands ? $"–{q.MaxCommands}" : "")} | {q.SessionSetups} | {q.ServerStatements:0.#} |");
        }
        return md.ToString();
    }
}

public sealed record InsightData(string Instructor, Guid CohortId, Guid PromptId, int Members, int Posts, double SeedSeconds);

public sealed record InsightResultReport(InsightData Data, IReadOnlyList<Row> Rows, IReadOnlyList<QueryCount> Queries);
