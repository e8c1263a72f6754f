namespace CoSie.Platform.Web.Features.Search;

// The one search statement, in two forms that differ only in how a row matches the words: full-text (Exact) or
// trigram word similarity (Similar, for typos, tried when Exact finds nothing). Every value is a parameter; what a
// person may read arrives as the id lists of SearchScope, and the statement applies only the moderation states that
// every page applies too: non-moderators see visible posts of published modules, and a thread whose reflection waits
// for approval is its author's alone.
//
// A word in half of a million posts must not rank half a million rows: each kind of post contributes at most @cap
// matching rows (the first the scan meets, before ranking), which bounds the work of every search; the page then says
// that there are at least that many results and asks for more words or filters (SearchDiscussions.MaxRanked).
public static class SearchSql
{
    // The words parsed in every configuration a row can be indexed in (migration AddDiscussionSearch), ORed.
    private const string Words = """
        websearch_to_tsquery('pg_catalog.english', @q) || websearch_to_tsquery('pg_catalog.finnish', @q)
            || websearch_to_tsquery('pg_catalog.swedish', @q) || websearch_to_tsquery('pg_catalog.hungarian', @q)
            || websearch_to_tsquery('pg_catalog.italian', @q) || websearch_to_tsquery('pg_catalog.spanish', @q)
            || websearch_to_tsquery('pg_catalog.dutch', @q) || websearch_to_tsquery('cosie_plain', @q)
        """;

    // Posts match against the words as a scalar subquery: PostgreSQL computes it once (an InitPlan) and can use it as
    // the GIN index's key, where an expression in the row's condition could be evaluated again for every row scanned.
    public static readonly string Exact = Build(
        post: "{0}.search_vector @@ (SELECT query FROM q)", postRank: "ts_rank({0}.search_vector, q.query)",
        prompt: "p.search_vector @@ q.query", promptRank: "ts_rank(p.search_vector, q.query)",
        module: "m.search_vector @@ q.query", moduleRank: "ts_rank(m.search_vector, q.query)");

    public static readonly string Similar = Build(
        post: "@q <% {0}.body_source", postRank: "word_similarity(@q, {0}.body_source)",
        prompt: "@q <% p.text", promptRank: "word_similarity(@q, p.text)",
        module: "@q <% m.title", moduleRank: "word_similarity(@q, m.title)");

    private static string Build(string post, string postRank, string prompt, string promptRank, string module, string moduleRank)
    {
        string Post(string alias) => string.Format(System.Globalization.CultureInfo.InvariantCulture, post, alias);
        string PostRank(string alias) => string.Format(System.Globalization.CultureInfo.InvariantCulture, postRank, alias);
        string PostFilters(string alias) => $"""
                  AND (@module IS NULL OR p.module_id = @module) AND (@prompt IS NULL OR p.id = @prompt)
                  AND (NOT @mine OR {alias}.author_id = @me)
                  AND (@from IS NULL OR {alias}.created_at >= @from) AND (@to IS NULL OR {alias}.created_at < @to)
                  AND (@author IS NULL OR EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u.id = {alias}.author_id
                                                  AND (u.display_name ILIKE @author_like OR @author <% u.display_name)))
            """;
        return $"""
            WITH q AS (SELECT {Words} AS query),
            scope AS (
                SELECT c.id AS cohort_id, c.name AS cohort_name, c.course_id, c.id = ANY(@moderated) AS moderated
                FROM cohorts c
                WHERE c.institution_id = @institution AND c.id = ANY(@cohorts) AND (@cohort IS NULL OR c.id = @cohort)
            ),
            open_prompts AS (SELECT * FROM unnest(@gated_cohorts, @gated_prompts) AS g(cohort_id, prompt_id)),
            hits AS (
                (SELECT 'Reflection' AS kind, r.id, r.id AS reflection_id, s.cohort_id, s.cohort_name, r.prompt_id, p.module_id,
                       r.author_id, r.created_at, r.status, r.body_source AS body, {PostRank("r")} AS rank
                FROM reflections r
                JOIN scope s ON s.cohort_id = r.cohort_id
                JOIN reflection_prompts p ON p.id = r.prompt_id
                JOIN modules m ON m.id = p.module_id
                CROSS JOIN q
                WHERE r.institution_id = @institution AND {Post("r")} AND r.status <> 'Deleted'
                  AND (s.moderated OR (r.status = 'Visible' AND m.status = 'Published'
                       AND (s.cohort_id = ANY(@open) OR r.author_id = @me
                            OR EXISTS (SELECT 1 FROM open_prompts g WHERE g.cohort_id = r.cohort_id AND g.prompt_id = r.prompt_id))))
                  {PostFilters("r")}
                LIMIT @cap)
                UNION ALL
                (SELECT 'Reply', x.id, x.reflection_id, s.cohort_id, s.cohort_name, r.prompt_id, p.module_id,
                       x.author_id, x.created_at, x.status, x.body_source, {PostRank("x")}
                FROM replies x
                JOIN reflections r ON r.id = x.reflection_id
                JOIN scope s ON s.cohort_id = r.cohort_id
                JOIN reflection_prompts p ON p.id = r.prompt_id
                JOIN modules m ON m.id = p.module_id
                CROSS JOIN q
                WHERE x.institution_id = @institution AND {Post("x")} AND x.status <> 'Deleted'
                  AND (s.moderated OR (x.status = 'Visible' AND m.status = 'Published'
                       AND (r.status <> 'AwaitingApproval' OR r.author_id = @me)
                       AND (s.cohort_id = ANY(@open) OR r.author_id = @me
                            OR EXISTS (SELECT 1 FROM open_prompts g WHERE g.cohort_id = r.cohort_id AND g.prompt_id = r.prompt_id))))
                  {PostFilters("x")}
                LIMIT @cap)
                UNION ALL
                SELECT 'Prompt', p.id, NULL, s.cohort_id, s.cohort_name, p.id, p.module_id,
                       NULL, NULL, NULL, p.text, {promptRank}
                FROM scope s
                JOIN modules m ON m.course_id = s.course_id
                JOIN reflection_prompts p ON p.module_id = m.id
                CROSS JOIN q
                WHERE NOT @posts_only AND {prompt} AND (s.moderated OR m.status = 'Published')
                  AND (@module IS NULL OR m.id = @module) AND (@prompt IS NULL OR p.id = @prompt)
                UNION ALL
                SELECT 'Module', m.id, NULL, NULL, NULL, NULL, m.id,
                       NULL, NULL, NULL, m.body_html, {moduleRank}
                FROM modules m
                CROSS JOIN q
                WHERE m.institution_id = @institution AND NOT @posts_only AND @prompt IS NULL AND {module}
                  AND (@module IS NULL OR m.id = @module)
                  AND EXISTS (SELECT 1 FROM scope s WHERE s.course_id = m.course_id AND (s.moderated OR m.status = 'Published'))
            ),
            ranked AS (
                SELECT h.*, count(*) OVER () AS total
                FROM hits h
                ORDER BY h.rank DESC, h.created_at DESC NULLS LAST, h.id, h.cohort_id
                LIMIT @limit OFFSET @offset
            )
            SELECT k.kind AS kind, k.id AS id, k.cohort_id AS cohort_id, k.cohort_name AS cohort_name,
                   k.reflection_id AS reflection_id, k.prompt_id AS prompt_id, pr.text AS prompt_text,
                   m.title AS module_title, c.slug AS course_slug, m.slug AS module_slug, m.language AS language,
                   u.display_name AS author_name, k.created_at AS created_at, k.status AS status, k.total AS total,
                   ts_headline(cosie_module_search_config(k.module_id),
                               CASE WHEN k.kind = 'Module' THEN regexp_replace(k.body, '<[^>]*>', ' ', 'g') ELSE k.body END,
                               q.query, @headline) AS snippet
            FROM ranked k
            CROSS JOIN q
            JOIN modules m ON m.id = k.module_id
            JOIN courses c ON c.id = m.course_id
            LEFT JOIN reflection_prompts pr ON pr.id = k.prompt_id
            LEFT JOIN "AspNetUsers" u ON u.id = k.author_id
            ORDER BY k.rank DESC, k.created_at DESC NULLS LAST, k.id, k.cohort_id
            """;
    }
}
