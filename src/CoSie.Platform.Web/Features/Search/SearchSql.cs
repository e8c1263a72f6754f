namespace CoSie.Platform.Web.Features.Search;

// The two search statements, one per way of matching the words: full-text (Exact), and trigram word similarity (Close,
// for typos), which SearchDiscussions runs only when Exact found nothing on the first page. Every value is a
// parameter; what a person may read arrives as the id lists of SearchScope, and the statements apply only the
// moderation states that every page applies too: non-moderators see visible posts of published modules (and their
// own hidden or awaiting ones, as the thread page shows them to their author), and a thread whose reflection waits for
// approval is its author's alone.
//
// Bounded work for any word (docs/guide/search.md): each kind of post contributes its @cap newest matches, and only
// those are ranked. The words arrive parsed, as @words (SearchWords). The statement is not prepared
// (DatabaseConnections), so PostgreSQL plans it for its parameters' values and knows from the search_vector statistics
// how common the words are: a word in every second post is found by reading the posts newest first
// (ix_replies_institution_id_created_at) until @cap of them match, a rare one through the GIN index. Trigram similarity
// has no such statistics: Close takes the first @cap matches that its trigram indexes give, and marks the parsed words
// in its snippets where they occur.
public static class SearchSql
{
    private sealed record Matching(string Post, string PostRank, string Prompt, string PromptRank, string Module, string ModuleRank, bool Newest);

    public static readonly string Exact = Build(new Matching(
        Post: "{0}.search_vector @@ @words", PostRank: "ts_rank({0}.search_vector, @words)",
        Prompt: "p.search_vector @@ @words", PromptRank: "ts_rank(p.search_vector, @words)",
        Module: "m.search_vector @@ @words", ModuleRank: "ts_rank(m.search_vector, @words)",
        Newest: true));

    public static readonly string Close = Build(new Matching(
        Post: $"@q <% {{0}}.body_source AND {NotUnwanted("{0}")}", PostRank: "word_similarity(@q, {0}.source)",
        Prompt: $"@q <% p.text AND {NotUnwanted("p")}", PromptRank: "word_similarity(@q, p.text)",
        Module: $"@q <% m.title AND {NotUnwanted("m")}", ModuleRank: "word_similarity(@q, m.title)",
        Newest: false));

    // Close matches leave out what a minus left out (SearchTerms), in every reading; @excluding is false when nothing
    // is, and PostgreSQL then plans the condition away.
    private static string NotUnwanted(string alias) => $"NOT (@excluding AND {alias}.search_vector @@ @unwanted)";

    // A module's text is indexed and marked in its language, else its institution's (as cosie_module_search_config).
    // Snippets are cut from what the pages show: the HTML of posts and module texts with its tags removed (their
    // entities are decoded in SearchDiscussions), so that Markdown's *marks* and [links](…) never show as source.
    private static string Build(Matching how) => $"""
        WITH scope AS (
            SELECT c.id AS cohort_id, c.name AS cohort_name, c.course_id, c.id = ANY(@moderated) AS moderated
            FROM cohorts c
            WHERE c.institution_id = @institution AND c.id = ANY(@cohorts) AND (@cohort IS NULL OR c.id = @cohort)
        ),
        open_prompts AS (SELECT * FROM unnest(@gated_cohorts, @gated_prompts) AS g(cohort_id, prompt_id)),
        {Kinds(how)},
        ranked AS (
            SELECT f.*, count(*) OVER () AS total
            FROM found f
            ORDER BY f.rank DESC, f.created_at DESC NULLS LAST, f.id, f.cohort_id
            LIMIT @limit OFFSET @offset
        )
        SELECT k.kind AS kind, k.id AS id, k.cohort_id AS cohort_id, k.cohort_name AS cohort_name,
               k.reflection_id AS reflection_id, k.prompt_id AS prompt_id, pr.text AS prompt_text,
               m.title AS module_title, c.slug AS course_slug, m.slug AS module_slug, m.language AS language,
               u.display_name AS author_name, k.created_at AS created_at, k.status AS status, k.total AS total,
               coalesce(ts_headline(cosie_search_config(coalesce(m.language, i.default_culture)),
                                    CASE WHEN k.kind = 'Prompt' THEN k.body ELSE {PlainText("k.body")} END,
                                    @words, @headline), '') AS snippet
        FROM ranked k
        JOIN modules m ON m.id = k.module_id
        JOIN institutions i ON i.id = m.institution_id
        JOIN courses c ON c.id = m.course_id
        LEFT JOIN reflection_prompts pr ON pr.id = k.prompt_id
        LEFT JOIN "AspNetUsers" u ON u.id = k.author_id
        ORDER BY k.rank DESC, k.created_at DESC NULLS LAST, k.id, k.cohort_id
        """;

    // HTML as text: the tags that end a line or a cell become a space, the others (<em>, <a>) go without one, so that
    // "*x*." reads "x." and two paragraphs do not run together.
    private static string PlainText(string html) =>
        $"regexp_replace(regexp_replace({html}, '<(br|hr|/?(p|div|li|ul|ol|h[1-6]|blockquote|pre|table|tr|td|th|figure|figcaption))\\y[^>]*>', ' ', 'gi'), '<[^>]*>', '', 'g')";

    // The matches, as the CTE "found": reflections and replies (each at most @cap, newest first where the matching can
    // tell a common word from a rare one), prompts and module texts, each with its rank.
    private static string Kinds(Matching how)
    {
        var newest = how.Newest;
        string Post(string alias) => string.Format(System.Globalization.CultureInfo.InvariantCulture, how.Post, alias);
        string PostRank(string alias) => string.Format(System.Globalization.CultureInfo.InvariantCulture, how.PostRank, alias);
        string Order(string alias) => newest ? $"ORDER BY {alias}.created_at DESC" : string.Empty;
        // Posts a non-moderator may find besides visible ones: their own, hidden by a moderator or awaiting approval,
        // as the thread page shows them to their author.
        string Shown(string alias) => $"({alias}.status = 'Visible' OR {alias}.author_id = @me)";
        string PostFilters(string alias) => $"""
                  AND (@module IS NULL OR p.module_id = @module) AND (@prompt IS NULL OR p.id = @prompt)
                  AND (NOT @mine OR {alias}.author_id = @me)
                  AND (@from IS NULL OR {alias}.created_at >= @from) AND (@to IS NULL OR {alias}.created_at < @to)
                  AND (@author IS NULL OR EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u.id = {alias}.author_id
                                                  AND (u.display_name ILIKE @author_like OR @author <% u.display_name)))
            """;
        return $"""
            matching_reflections AS (
                SELECT r.id, r.id AS reflection_id, s.cohort_id, s.cohort_name, r.prompt_id, p.module_id,
                       r.author_id, r.created_at, r.status, r.body_html AS body, r.body_source AS source, r.search_vector
                FROM reflections r
                JOIN scope s ON s.cohort_id = r.cohort_id
                JOIN reflection_prompts p ON p.id = r.prompt_id
                JOIN modules m ON m.id = p.module_id
                WHERE r.institution_id = @institution AND {Post("r")} AND r.status <> 'Deleted'
                  AND (s.moderated OR ({Shown("r")} AND m.status = 'Published'
                       AND (s.cohort_id = ANY(@open) OR r.author_id = @me
                            OR EXISTS (SELECT 1 FROM open_prompts g WHERE g.cohort_id = r.cohort_id AND g.prompt_id = r.prompt_id))))
                  {PostFilters("r")}
                {Order("r")}
                LIMIT @cap
            ),
            matching_replies AS (
                SELECT x.id, x.reflection_id, s.cohort_id, s.cohort_name, r.prompt_id, p.module_id,
                       x.author_id, x.created_at, x.status, x.body_html AS body, x.body_source AS source, x.search_vector
                FROM replies x
                JOIN reflections r ON r.id = x.reflection_id
                JOIN scope s ON s.cohort_id = r.cohort_id
                JOIN reflection_prompts p ON p.id = r.prompt_id
                JOIN modules m ON m.id = p.module_id
                WHERE x.institution_id = @institution AND {Post("x")} AND x.status <> 'Deleted'
                  AND (s.moderated OR ({Shown("x")} AND m.status = 'Published'
                       AND (r.status <> 'AwaitingApproval' OR r.author_id = @me)
                       AND (s.cohort_id = ANY(@open) OR r.author_id = @me
                            OR EXISTS (SELECT 1 FROM open_prompts g WHERE g.cohort_id = r.cohort_id AND g.prompt_id = r.prompt_id))))
                  {PostFilters("x")}
                {Order("x")}
                LIMIT @cap
            ),
            found AS (
                SELECT 'Reflection' AS kind, h.id, h.reflection_id, h.cohort_id, h.cohort_name, h.prompt_id, h.module_id,
                       h.author_id, h.created_at, h.status, h.body, {PostRank("h")} AS rank
                FROM matching_reflections h
                UNION ALL
                SELECT 'Reply', h.id, h.reflection_id, h.cohort_id, h.cohort_name, h.prompt_id, h.module_id,
                       h.author_id, h.created_at, h.status, h.body, {PostRank("h")}
                FROM matching_replies h
                UNION ALL
                SELECT 'Prompt', p.id, NULL, s.cohort_id, s.cohort_name, p.id, p.module_id,
                       NULL, NULL, NULL, p.text, {how.PromptRank}
                FROM scope s
                JOIN modules m ON m.course_id = s.course_id
                JOIN reflection_prompts p ON p.module_id = m.id
               
                WHERE NOT @posts_only AND {how.Prompt} AND (s.moderated OR m.status = 'Published')
                  AND (@module IS NULL OR m.id = @module) AND (@prompt IS NULL OR p.id = @prompt)
                UNION ALL
                SELECT 'Module', m.id, NULL, NULL, NULL, NULL, m.id,
                       NULL, NULL, NULL, m.body_html, {how.ModuleRank}
                FROM modules m
               
                WHERE m.institution_id = @institution AND NOT @posts_only AND @prompt IS NULL AND {how.Module}
                  AND (@module IS NULL OR m.id = @module)
                  AND EXISTS (SELECT 1 FROM scope s WHERE s.course_id = m.course_id AND (s.moderated OR m.status = 'Published'))
            )
            """;
    }
}
