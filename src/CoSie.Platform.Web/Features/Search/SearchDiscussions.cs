using System.Net;
using CoSie.Platform.Web.Features.Discussions.Notifications;
using CoSie.Platform.Web.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace CoSie.Platform.Web.Features.Search;

// Finds reflections, replies, prompts and module texts for one person in the current institution (docs/guide/search.md).
// Three statements whatever the data holds and whatever the words match: who the person is here and what they may read
// (SearchScope, which also counts the header's unread notifications and parses the words, SearchWords); the modules and
// prompts the filters offer; the ranked page of results with their count. A fourth, the look by trigram similarity
// (typos), runs only when the words matched nothing (SearchSql).
//
// The words are always a parameter, parsed by websearch_to_tsquery, which accepts any text ("quotes", or, -not) and
// never raises a syntax error. Each row was indexed in its own language's configuration (migration
// AddDiscussionSearch), so the words are parsed in every configuration the platform uses and the alternatives ORed:
// "managers" finds the English stem "manag" and the Finnish "manager" alike. The words after a minus are split off
// first (SearchTerms) and left out in every reading, so that no language's reading lets them back in.
public sealed class SearchDiscussions(PlatformDbContext db, TenantContext tenant, NotificationBadge badge, TimeProvider clock)
{
    public const int MaxQueryLength = 200;
    public const int PageSize = 20;
    public const int MaxPage = 50;
    // The most matches of each kind of post that are ranked, the newest ones (SearchSql); as many as the pages can show.
    public const int MaxRanked = PageSize * MaxPage;

    public async Task<SearchResult> ExecuteAsync(Guid userId, SearchRequest request, CancellationToken cancellationToken)
    {
        var query = Clean(request.Query);
        SearchOutcome? refusal = query.Length == 0 ? SearchOutcome.NoQuery
            : query.Length > MaxQueryLength ? SearchOutcome.TooLong
            : !query.Any(char.IsLetterOrDigit) ? SearchOutcome.NoWords
            : null;
        // Read even when refused (a scan of at most the request's length): the words are parsed only when not.
        var terms = SearchTerms.Read(query);
        var (scope, words) = await ScopeAsync(userId, refusal is null ? terms : null, cancellationToken);
        if (scope is null)
        {
            return SearchResult.Refused(SearchOutcome.NotFound);
        }
        var modules = await ModulesAsync(scope, cancellationToken);
        if (refusal is { } outcome)
        {
            return SearchResult.Refused(outcome, scope, modules);
        }
        // Words that no configuration reads (none left after parsing, wanted or left out) match nothing.
        if (words.Matching is not { } matching)
        {
            return new SearchResult(SearchOutcome.Done, scope, [], 0, false, modules);
        }
        var page = Math.Clamp(request.Page, 1, MaxPage);
        var hits = await HitsAsync(SearchSql.Exact, scope, request, terms, matching, words.Unwanted, page, cancellationToken);
        var approximate = false;
        // Only when the words matched nothing on the first page: planning the similarity statement costs PostgreSQL
        // about as much as running the results statement (bench/README.md).
        if (hits.Count == 0 && page == 1)
        {
            var close = await HitsAsync(SearchSql.Close, scope, request, terms, matching, words.Unwanted, page, cancellationToken);
            approximate = close.Count > 0;
            if (approximate)
            {
                hits = close;
            }
        }
        var total = hits.Count == 0 ? 0 : (int)hits[0].Total;
        return new SearchResult(SearchOutcome.Done, scope, [.. hits.Select(ToHit)], total, approximate, modules);
    }

    // Control characters never reach PostgreSQL (NUL would be refused by it); runs of white space count as one.
    private static string Clean(string? query) =>
        string.Join(' ', new string([.. (query ?? string.Empty).Select(c => char.IsControl(c) ? ' ' : c)])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    // The person's scope, and the words parsed (each kind null when there are none of it to look for).
    private async Task<(SearchScope? Scope, ParsedSearchWords Words)> ScopeAsync(Guid userId, SearchTerms? terms, CancellationToken cancellationToken)
    {
        var wanted = terms is { Wanted.Length: > 0 } ? terms.Wanted : null;
        var unwanted = terms?.Unwanted;
        var row = await db.InstitutionMemberships.AsNoTracking()
            .Where(im => im.UserId == userId)
            .Select(im => new
            {
                IsAdmin = im.Role == InstitutionRole.Admin,
                Unread = db.Notifications.Count(n => n.UserId == userId && n.ReadAt == null),
                Wanted = wanted == null ? null : SearchWords.Parse(wanted),
                Unwanted = unwanted == null ? null : SearchWords.Parse(unwanted),
                Cohorts = db.Cohorts
                    .Where(c => im.Role == InstitutionRole.Admin || db.CohortMembers.Any(cm => cm.CohortId == c.Id && cm.UserId == userId))
                    .OrderBy(c => c.Name).ThenBy(c => c.Id)
                    .Select(c => new
                    {
                        c.Id,
                        c.Name,
                        c.PostFirst,
                        c.RevealOnPost,
                        c.EditWindowMinutes,
                        Role = db.CohortMembers.Where(cm => cm.CohortId == c.Id && cm.UserId == userId).Select(cm => (CohortRole?)cm.Role).FirstOrDefault(),
                        Own = db.Reflections
                            .Where(r => r.CohortId == c.Id && r.AuthorId == userId && r.Status != PostStatus.Deleted)
                            .Select(r => new { r.PromptId, r.CreatedAt })
                            .ToList(),
                    })
                    .ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return (null, default);
        }
        badge.Know(row.Unread);
        return (SearchScope.For(
            userId,
            row.IsAdmin,
            row.Cohorts.Select(c => new SearchScope.CohortRow(
                c.Id, c.Name, c.Role, c.PostFirst, c.RevealOnPost, c.EditWindowMinutes,
                [.. c.Own.Select(o => new SearchScope.OwnReflection(o.PromptId, o.CreatedAt))])),
            clock.GetUtcNow()), new ParsedSearchWords(row.Wanted, row.Unwanted));
    }

    // The modules of the courses of the person's cohorts, with their prompts: published ones, and drafts where the
    // person moderates a cohort of the course.
    private async Task<IReadOnlyList<SearchModuleChoice>> ModulesAsync(SearchScope scope, CancellationToken cancellationToken)
    {
        var cohorts = scope.CohortIds.ToList();
        var moderated = scope.Moderated.ToList();
        if (cohorts.Count == 0)
        {
            return [];
        }
        var modules = await (
            from m in db.Modules.AsNoTracking()
            join course in db.Courses on m.CourseId equals course.Id
            where db.Cohorts.Any(c => cohorts.Contains(c.Id) && c.CourseId == m.CourseId
                && (m.Status == ModuleStatus.Published || moderated.Contains(c.Id)))
            orderby course.Title, course.Id, m.Position
            select new
            {
                m.Id,
                m.Title,
                Prompts = m.Prompts.Where(p => p.CohortId == null || cohorts.Contains(p.CohortId.Value)).OrderBy(p => p.Position).Select(p => new SearchPromptChoice(p.Id, p.Text)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. modules.Select(m => new SearchModuleChoice(m.Id, m.Title, m.Prompts))];
    }

    private async Task<List<SearchRow>> HitsAsync(
        string sql, SearchScope scope, SearchRequest request, SearchTerms terms, NpgsqlTsQuery words, NpgsqlTsQuery? unwanted, int page,
        CancellationToken cancellationToken)
    {
        var author = request.Author?.Trim() is { Length: > 0 } name ? name[..Math.Min(name.Length, 100)] : null;
        var parameters = new object[]
        {
            new NpgsqlParameter("q", terms.Similar),
            new NpgsqlParameter("words", NpgsqlDbType.TsQuery) { Value = words },
            // Close looks at @unwanted only when there is something to leave out (PostgreSQL plans it away otherwise).
            new NpgsqlParameter("excluding", unwanted is not null),
            Nullable("unwanted", unwanted, NpgsqlDbType.TsQuery),
            new NpgsqlParameter("institution", tenant.Required.Id),
            new NpgsqlParameter("me", scope.UserId),
            new NpgsqlParameter("cohorts", scope.CohortIds.ToArray()),
            new NpgsqlParameter("moderated", scope.Moderated.ToArray()),
            new NpgsqlParameter("open", scope.Open.ToArray()),
            new NpgsqlParameter("gated_cohorts", scope.OpenPrompts.Select(p => p.CohortId).ToArray()),
            new NpgsqlParameter("gated_prompts", scope.OpenPrompts.Select(p => p.PromptId).ToArray()),
            Nullable("cohort", request.CohortId, NpgsqlDbType.Uuid),
            Nullable("module", request.ModuleId, NpgsqlDbType.Uuid),
            Nullable("prompt", request.PromptId, NpgsqlDbType.Uuid),
            Nullable("author", author, NpgsqlDbType.Text),
            Nullable("author_like", author is null ? null : "%" + LikePatterns.Escape(author) + "%", NpgsqlDbType.Text),
            new NpgsqlParameter("mine", request.Mine),
            Nullable("from", request.From?.ToUniversalTime(), NpgsqlDbType.TimestampTz),
            Nullable("to", request.To?.ToUniversalTime(), NpgsqlDbType.TimestampTz),
            new NpgsqlParameter("posts_only", request.PostsOnly),
            new NpgsqlParameter("headline", SearchSnippet.HeadlineOptions),
            new NpgsqlParameter("limit", PageSize),
            new NpgsqlParameter("cap", MaxRanked),
            new NpgsqlParameter("offset", (page - 1) * PageSize),
        };
        return await db.Database.SqlQueryRaw<SearchRow>(sql, parameters).ToListAsync(cancellationToken);
    }

    private static NpgsqlParameter Nullable(string name, object? value, NpgsqlDbType type) =>
        new(name, value ?? DBNull.Value) { NpgsqlDbType = type };

    private static SearchHit ToHit(SearchRow row)
    {
        var kind = Enum.Parse<SearchHitKind>(row.Kind);
        return new SearchHit(
            kind,
            row.Id,
            row.CohortId,
            row.CohortName,
            row.ReflectionId,
            row.PromptId,
            row.PromptText,
            row.ModuleTitle,
            row.CourseSlug,
            row.ModuleSlug,
            row.Language,
            row.AuthorName,
            row.CreatedAt,
            row.Status is null ? null : Enum.Parse<PostStatus>(row.Status),
            // Posts and module texts are HTML whose tags the query removed; their entities are decoded here, to be
            // encoded again. A prompt's text is plain.
            kind == SearchHitKind.Prompt ? row.Snippet : WebUtility.HtmlDecode(row.Snippet));
    }
}
