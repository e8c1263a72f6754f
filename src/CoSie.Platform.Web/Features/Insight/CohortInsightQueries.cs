using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace CoSie.Platform.Web.Features.Insight;

// The insight page's figures, each one set-based statement whatever the size of the cohort; rows come back per day,
// prompt, member or pair, never per post. They count posts as the participation table does (Progress): every post its
// author has not deleted, hidden and awaiting ones included, since those were participation too. The worklist of
// unanswered reflections offers visible ones only, as the digest does: a hidden post is the moderators' business.
// Row-level security applies as to every query of the request; the cohort's id narrows them further.
public sealed class CohortInsightQueries(PlatformDbContext db, TenantContext tenant, TimeProvider clock)
{
    // The member table and the filtered posts every figure below starts from. A reply's target is the author of the
    // post it answers: the parent reply's, else the reflection's.
    private const string Base = """
        WITH members AS (
            SELECT m.user_id, m.role FROM cohort_members m
            WHERE m.cohort_id = @cohort AND (@role IS NULL OR m.role = @role)
        ),
        posts AS (
            SELECT r.id, r.author_id, r.created_at, TRUE AS is_reflection, NULL::uuid AS target_id, r.body_source
            FROM reflections r
            WHERE r.cohort_id = @cohort AND r.status <> 'Deleted' AND (@prompt IS NULL OR r.prompt_id = @prompt)
              AND r.created_at >= @from AND r.created_at < @to
              AND (@role IS NULL OR r.author_id IN (SELECT user_id FROM members))
            UNION ALL
            SELECT x.id, x.author_id, x.created_at, FALSE,
                   CASE WHEN x.parent_reply_id IS NULL THEN r.author_id ELSE parent.author_id END, x.body_source
            FROM replies x
            JOIN reflections r ON r.id = x.reflection_id
            LEFT JOIN replies parent ON parent.id = x.parent_reply_id
            WHERE r.cohort_id = @cohort AND x.status <> 'Deleted' AND (@prompt IS NULL OR r.prompt_id = @prompt)
              AND x.created_at >= @from AND x.created_at < @to
              AND (@role IS NULL OR x.author_id IN (SELECT user_id FROM members))
        )
        """;

    private const string DaysSql = Base + """
        SELECT (p.created_at AT TIME ZONE @tz)::date AS day,
               count(*) FILTER (WHERE p.is_reflection)::int AS reflections,
               count(*) FILTER (WHERE NOT p.is_reflection)::int AS replies
        FROM posts p GROUP BY 1 ORDER BY 1
        """;

    private const string MembersSql = Base + """
        , received AS (
            SELECT p.target_id AS user_id, count(*)::int AS n FROM posts p
            WHERE NOT p.is_reflection AND p.target_id IS NOT NULL AND p.author_id IS DISTINCT FROM p.target_id
            GROUP BY p.target_id
        ),
        last_post AS (
            SELECT a.author_id AS user_id, max(a.created_at) AS at FROM (
                SELECT r.author_id, r.created_at FROM reflections r WHERE r.cohort_id = @cohort AND r.status <> 'Deleted'
                UNION ALL
                SELECT x.author_id, x.created_at FROM replies x JOIN reflections r ON r.id = x.reflection_id
                WHERE r.cohort_id = @cohort AND x.status <> 'Deleted') a
            WHERE a.author_id IS NOT NULL GROUP BY a.author_id
        )
        SELECT m.user_id, COALESCE(NULLIF(u.display_name, ''), u.email, '') AS name, m.role,
               COALESCE(rc.n, 0) AS received, lp.at AS last_activity
        FROM members m
        JOIN "AspNetUsers" u ON u.id = m.user_id
        LEFT JOIN received rc ON rc.user_id = m.user_id
        LEFT JOIN last_post lp ON lp.user_id = m.user_id
        ORDER BY 2, 1
        """;

    private const string EdgesSql = Base + """
        SELECT p.author_id AS from_id, p.target_id AS to_id, count(*)::int AS count FROM posts p
        WHERE NOT p.is_reflection AND p.author_id <> p.target_id
          AND p.author_id IN (SELECT user_id FROM members) AND p.target_id IN (SELECT user_id FROM members)
        GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2
        """;

    private const string FiguresSql = Base + """
        SELECT
            (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.first_at - f.created_at))
             FROM (SELECT p.created_at,
                          (SELECT min(x.created_at) FROM replies x
                           WHERE x.reflection_id = p.id AND x.status <> 'Deleted' AND x.author_id IS DISTINCT FROM p.author_id) AS first_at
                   FROM posts p WHERE p.is_reflection) f
             WHERE f.first_at IS NOT NULL) AS median_first_reply_seconds,
            (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY cardinality(regexp_split_to_array(btrim(p.body_source), '\s+')))
             FROM posts p WHERE btrim(p.body_source) <> '') AS median_words,
            (SELECT count(*) FROM posts p WHERE p.is_reflection)::int AS reflections,
            (SELECT count(*) FROM posts p WHERE NOT p.is_reflection)::int AS replies
        """;

    private const string CompletionSql = """
        WITH learners AS (
            SELECT m.user_id FROM cohort_members m WHERE m.cohort_id = @cohort AND m.role = 'Learner'
        ),
        answered AS (
            SELECT DISTINCT r.prompt_id, r.author_id FROM reflections r JOIN learners l ON l.user_id = r.author_id
            WHERE r.cohort_id = @cohort AND r.status <> 'Deleted'
        ),
        peers AS (
            SELECT r.prompt_id, x.author_id, count(DISTINCT r.id) AS n
            FROM replies x JOIN reflections r ON r.id = x.reflection_id
            WHERE r.cohort_id = @cohort AND x.status <> 'Deleted' AND r.author_id IS DISTINCT FROM x.author_id
            GROUP BY r.prompt_id, x.author_id
        )
        SELECT a.prompt_id, count(*)::int AS answered, count(*) FILTER (WHERE COALESCE(p.n, 0) >= @expected)::int AS complete
        FROM answered a LEFT JOIN peers p ON p.prompt_id = a.prompt_id AND p.author_id = a.author_id
        GROUP BY a.prompt_id
        """;

    private const string UnansweredSql = """
        SELECT r.id AS reflection_id, COALESCE(NULLIF(u.display_name, ''), u.email, '') AS author_name, p.text AS prompt_text, r.created_at
        FROM reflections r
        JOIN reflection_prompts p ON p.id = r.prompt_id
        LEFT JOIN "AspNetUsers" u ON u.id = r.author_id
        WHERE r.cohort_id = @cohort AND r.status = 'Visible' AND r.created_at < @before
          AND (@prompt IS NULL OR r.prompt_id = @prompt)
          AND (@role IS NULL OR r.author_id IN (SELECT m.user_id FROM cohort_members m WHERE m.cohort_id = @cohort AND m.role = @role))
          AND NOT EXISTS (SELECT 1 FROM replies x
                          WHERE x.reflection_id = r.id AND x.status <> 'Deleted' AND x.author_id IS DISTINCT FROM r.author_id)
        ORDER BY r.created_at, r.id
        LIMIT 200
        """;

    private const string FlaggedSql = """
        SELECT f.reflection_id, p.text AS prompt_text, count(*)::int AS open_flags
        FROM flags f
        JOIN reflections r ON r.id = f.reflection_id
        JOIN reflection_prompts p ON p.id = r.prompt_id
        WHERE f.cohort_id = @cohort AND f.resolved_at IS NULL AND (@prompt IS NULL OR r.prompt_id = @prompt)
        GROUP BY f.reflection_id, p.text
        ORDER BY 3 DESC, 1
        LIMIT 200
        """;

    public TimeZoneInfo TimeZone => ReaderTimeZone.Of(null, tenant.Required.TimeZoneId);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZone).DateTime);

    // The prompts are those of PromptsAsync, which the page reads first for its filter.
    public async Task<CohortInsight> LoadAsync(Cohort cohort, InsightFilter filter, IReadOnlyList<InsightPrompt> prompts, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var learners = await db.CohortMembers.CountAsync(m => m.CohortId == cohort.Id && m.Role == CohortRole.Learner, cancellationToken);
        var completion = await db.Database.SqlQueryRaw<CompletionRow>(CompletionSql,
                new NpgsqlParameter("cohort", cohort.Id), new NpgsqlParameter("expected", cohort.ExpectedPeerReplies))
            .ToListAsync(cancellationToken);
        var days = await Query<DayRow>(DaysSql, cohort, filter, cancellationToken);
        var members = await Query<MemberRow>(MembersSql, cohort, filter, cancellationToken);
        var edges = await Query<EdgeRow>(EdgesSql, cohort, filter, cancellationToken);
        var figures = (await Query<FiguresRow>(FiguresSql, cohort, filter, cancellationToken)).Single();
        var unanswered = await db.Database.SqlQueryRaw<UnansweredRow>(UnansweredSql,
                new NpgsqlParameter("cohort", cohort.Id),
                new NpgsqlParameter("before", now.AddHours(-filter.UnansweredHours)),
                Nullable("prompt", filter.PromptId, NpgsqlDbType.Uuid),
                Nullable("role", filter.Role?.ToString(), NpgsqlDbType.Text))
            .ToListAsync(cancellationToken);
        var flagged = await db.Database.SqlQueryRaw<FlaggedRow>(FlaggedSql,
                new NpgsqlParameter("cohort", cohort.Id), Nullable("prompt", filter.PromptId, NpgsqlDbType.Uuid))
            .ToListAsync(cancellationToken);

        var since = now.AddDays(-CohortInsight.InactiveDays);
        var byPrompt = completion.ToDictionary(c => c.PromptId);
        return new CohortInsight(
            [.. prompts.Where(p => filter.PromptId is null || p.PromptId == filter.PromptId).Select(p => p with
            {
                Answered = byPrompt.GetValueOrDefault(p.PromptId)?.Answered ?? 0,
                Complete = byPrompt.GetValueOrDefault(p.PromptId)?.Complete ?? 0,
            })],
            learners,
            cohort.ExpectedPeerReplies,
            FillDays(days, filter),
            members,
            edges,
            unanswered,
            [.. members.Where(m => m.LastActivity is null || m.LastActivity < since)],
            flagged,
            figures);
    }

    // Prompts of the cohort's course, for the filter's choice.
    public async Task<IReadOnlyList<InsightPrompt>> PromptsAsync(Cohort cohort, CancellationToken cancellationToken) =>
        await (
            from p in db.ReflectionPrompts
            join m in db.Modules on p.ModuleId equals m.Id
            where m.CourseId == cohort.CourseId && m.Status == ModuleStatus.Published
            orderby m.Position, m.CreatedAt, p.Position
            select new InsightPrompt(p.Id, p.Text, m.Title, 0, 0))
            .AsNoTracking().ToListAsync(cancellationToken);

    // Every day of the range, days without posts too, so the chart's bars stand where their days are.
    private static List<DayRow> FillDays(List<DayRow> found, InsightFilter filter)
    {
        var byDay = found.ToDictionary(d => d.Day);
        var all = new List<DayRow>(filter.Days);
        for (var day = filter.From; day <= filter.To; day = day.AddDays(1))
        {
            all.Add(byDay.GetValueOrDefault(day) ?? new DayRow { Day = day });
        }
        return all;
    }

    private Task<List<T>> Query<T>(string sql, Cohort cohort, InsightFilter filter, CancellationToken cancellationToken)
    {
        var zone = TimeZone;
        var from = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(filter.From.ToDateTime(TimeOnly.MinValue), zone));
        var to = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(filter.To.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));
        return db.Database.SqlQueryRaw<T>(sql,
                new NpgsqlParameter("cohort", cohort.Id),
                new NpgsqlParameter("from", from),
                new NpgsqlParameter("to", to),
                new NpgsqlParameter("tz", zone.Id),
                Nullable("prompt", filter.PromptId, NpgsqlDbType.Uuid),
                Nullable("role", filter.Role?.ToString(), NpgsqlDbType.Text))
            .ToListAsync(cancellationToken);
    }

    private static NpgsqlParameter Nullable(string name, object? value, NpgsqlDbType type) =>
        new(name, value ?? DBNull.Value) { NpgsqlDbType = type };
}
