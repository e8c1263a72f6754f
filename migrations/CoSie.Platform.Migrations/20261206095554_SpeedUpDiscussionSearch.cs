using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    // Search in bounded time at a million posts (docs/guide/search.md, Features/Search/SearchSql), and posts indexed
    // again when their institution's default language changes.
    //
    // - (institution_id, created_at) on replies and reflections: a word in half the posts is found by reading them
    //   newest first until enough match, instead of the GIN index handing over every match.
    // - cosie_search_query: the words parsed in each configuration a row can be indexed in, the distinct alternatives
    //   ORed (a word that every configuration reads alike counts once, so the planner does not take a rare word for a
    //   common one). Immutable, like websearch_to_tsquery with a configuration, so a plan made for the words holds its
    //   result as a constant and can weigh how common they are. Its cost is declared huge on purpose: in a plan made
    //   for no particular words (a prepared statement's generic plan, which PostgreSQL weighs against the plans for the
    //   words after five runs) it would run for every row, and the cost keeps PostgreSQL from ever preferring that plan.
    // - A module without a language of its own is indexed in its institution's default language (AddDiscussionSearch);
    //   when that changes to one with another text configuration, the trigger indexes those modules, their prompts and
    //   their posts again, set-based, in the same transaction as the change. Row-level security binds statements to
    //   one institution, and the platform admin's edit is bound to none: the trigger binds the institution being
    //   changed for its own statements, and restores the binding before it returns.
    public partial class SpeedUpDiscussionSearch : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_replies_institution_id_created_at",
                table: "replies",
                columns: new[] { "institution_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reflections_institution_id_created_at",
                table: "reflections",
                columns: new[] { "institution_id", "created_at" });

            migrationBuilder.Sql("""
                CREATE FUNCTION cosie_search_query(words text) RETURNS tsquery
                LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000000000 AS $fn$
                    SELECT string_agg(DISTINCT '(' || t::text || ')', ' | ')::tsquery
                    FROM unnest(ARRAY[
                        websearch_to_tsquery('pg_catalog.english', words), websearch_to_tsquery('pg_catalog.finnish', words),
                        websearch_to_tsquery('pg_catalog.swedish', words), websearch_to_tsquery('pg_catalog.hungarian', words),
                        websearch_to_tsquery('pg_catalog.italian', words), websearch_to_tsquery('pg_catalog.spanish', words),
                        websearch_to_tsquery('pg_catalog.dutch', words), websearch_to_tsquery('cosie_plain', words)]) AS t
                    WHERE numnode(t) > 0
                $fn$;

                CREATE FUNCTION cosie_institutions_reindex() RETURNS trigger LANGUAGE plpgsql AS $fn$
                DECLARE
                    bound text := current_setting('cosie.institution_id', true);
                BEGIN
                    PERFORM set_config('cosie.institution_id', NEW.id::text, true);
                    -- Setting a column to itself fires each row's own search trigger, which reads the new default.
                    UPDATE modules SET title = title WHERE institution_id = NEW.id AND language IS NULL;
                    UPDATE reflection_prompts SET text = text
                    WHERE module_id IN (SELECT id FROM modules WHERE institution_id = NEW.id AND language IS NULL);
                    UPDATE reflections SET body_source = body_source
                    WHERE prompt_id IN (SELECT p.id FROM reflection_prompts p JOIN modules m ON m.id = p.module_id
                                        WHERE m.institution_id = NEW.id AND m.language IS NULL);
                    UPDATE replies SET body_source = body_source
                    WHERE reflection_id IN (SELECT r.id FROM reflections r JOIN reflection_prompts p ON p.id = r.prompt_id
                                            JOIN modules m ON m.id = p.module_id
                                            WHERE m.institution_id = NEW.id AND m.language IS NULL);
                    PERFORM set_config('cosie.institution_id', coalesce(bound, ''), true);
                    RETURN NULL;
                END
                $fn$;

                CREATE TRIGGER search_reindex AFTER UPDATE OF default_culture ON institutions
                    FOR EACH ROW WHEN (cosie_search_config(OLD.default_culture) IS DISTINCT FROM cosie_search_config(NEW.default_culture))
                    EXECUTE FUNCTION cosie_institutions_reindex();
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS search_reindex ON institutions;
                DROP FUNCTION IF EXISTS cosie_institutions_reindex();
                DROP FUNCTION IF EXISTS cosie_search_query(text);
                """);

            migrationBuilder.DropIndex(
                name: "ix_replies_institution_id_created_at",
                table: "replies");

            migrationBuilder.DropIndex(
                name: "ix_reflections_institution_id_created_at",
                table: "reflections");
        }
    }
}
