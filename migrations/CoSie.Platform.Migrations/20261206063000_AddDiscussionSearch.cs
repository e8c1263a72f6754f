using CoSie.Platform.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoSie.Platform.Migrations.Migrations
{
    // Full-text search over posts, prompts and module texts (docs/guide/search.md), kept by triggers in the same
    // transaction as the row it indexes, so search is never behind what the pages show.
    //
    // Each row is indexed in the text search configuration of its language: a module's own Language, else its
    // institution's default culture; a prompt in its module's; a reflection or reply in its prompt's. PostgreSQL stems
    // English, Finnish, Swedish, Hungarian, Italian, Spanish and Dutch; Estonian, Polish and Greek (and anything
    // else) go to cosie_plain, the simple configuration with accents folded by unaccent where that extension is
    // installed (PostgreSQL's contrib package, present in the postgres image and the Debian packages ./cosie uses),
    // else the simple configuration alone.
    //
    // The columns are not in the EF model: only the search query reads them, and EF never writes them. Extensions are
    // created here, by the migration's owner role; pg_trgm and unaccent are trusted extensions, so a database owner
    // without superuser rights may create them too. The app's role only executes their functions (granted to PUBLIC).
    [DbContext(typeof(PlatformDbContext))]
    [Migration("20261206063000_AddDiscussionSearch")]
    public partial class AddDiscussionSearch : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""
                DO $do$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent') THEN
                        CREATE EXTENSION IF NOT EXISTS unaccent;
                        CREATE TEXT SEARCH CONFIGURATION cosie_plain (COPY = pg_catalog.simple);
                        ALTER TEXT SEARCH CONFIGURATION cosie_plain ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
                    ELSE
                        RAISE NOTICE 'unaccent is not installed: languages without a stemmer are searched without folding accents';
                        CREATE TEXT SEARCH CONFIGURATION cosie_plain (COPY = pg_catalog.simple);
                    END IF;
                END
                $do$;
                """);

            migrationBuilder.Sql("""
                CREATE FUNCTION cosie_search_config(language text) RETURNS regconfig
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
                    SELECT (CASE lower(split_part(coalesce(language, ''), '-', 1))
                        WHEN 'en' THEN 'pg_catalog.english'
                        WHEN 'fi' THEN 'pg_catalog.finnish'
                        WHEN 'sv' THEN 'pg_catalog.swedish'
                        WHEN 'hu' THEN 'pg_catalog.hungarian'
                        WHEN 'it' THEN 'pg_catalog.italian'
                        WHEN 'es' THEN 'pg_catalog.spanish'
                        WHEN 'nl' THEN 'pg_catalog.dutch'
                        ELSE 'cosie_plain' END)::regconfig
                $fn$;

                CREATE FUNCTION cosie_module_search_config(module uuid) RETURNS regconfig
                LANGUAGE sql STABLE AS $fn$
                    SELECT coalesce(
                        (SELECT cosie_search_config(coalesce(m.language, i.default_culture))
                         FROM modules m JOIN institutions i ON i.id = m.institution_id WHERE m.id = module),
                        cosie_search_config(NULL))
                $fn$;

                CREATE FUNCTION cosie_modules_search() RETURNS trigger LANGUAGE plpgsql AS $fn$
                DECLARE
                    config regconfig := cosie_search_config(coalesce(NEW.language,
                        (SELECT i.default_culture FROM institutions i WHERE i.id = NEW.institution_id)));
                BEGIN
                    NEW.search_vector := setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A')
                        || setweight(to_tsvector(config, coalesce(NEW.body_html, '')), 'B');
                    RETURN NEW;
                END
                $fn$;

                CREATE FUNCTION cosie_prompts_search() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                    NEW.search_vector := to_tsvector(cosie_module_search_config(NEW.module_id), coalesce(NEW.text, ''));
                    RETURN NEW;
                END
                $fn$;

                CREATE FUNCTION cosie_reflections_search() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                    NEW.search_vector := to_tsvector(
                        cosie_module_search_config((SELECT p.module_id FROM reflection_prompts p WHERE p.id = NEW.prompt_id)),
                        coalesce(NEW.body_source, ''));
                    RETURN NEW;
                END
                $fn$;

                CREATE FUNCTION cosie_replies_search() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                    NEW.search_vector := to_tsvector(
                        cosie_module_search_config((SELECT p.module_id FROM reflections r JOIN reflection_prompts p ON p.id = r.prompt_id
                                                    WHERE r.id = NEW.reflection_id)),
                        coalesce(NEW.body_source, ''));
                    RETURN NEW;
                END
                $fn$;

                -- A module whose language changes has its prompts and posts indexed again in the new language. Setting a
                -- column to itself fires their own triggers; nothing else about the rows changes.
                CREATE FUNCTION cosie_modules_reindex() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                    UPDATE reflection_prompts SET text = text WHERE module_id = NEW.id;
                    UPDATE reflections SET body_source = body_source
                    WHERE prompt_id IN (SELECT id FROM reflection_prompts WHERE module_id = NEW.id);
                    UPDATE replies SET body_source = body_source
                    WHERE reflection_id IN (SELECT r.id FROM reflections r JOIN reflection_prompts p ON p.id = r.prompt_id WHERE p.module_id = NEW.id);
                    RETURN NULL;
                END
                $fn$;
                """);

            foreach (var (table, columns) in new[]
            {
                ("modules", "title, body_html, language"),
                ("reflection_prompts", "text, module_id"),
                ("reflections", "body_source"),
                ("replies", "body_source"),
            })
            {
                migrationBuilder.Sql($"""
                    ALTER TABLE {table} ADD COLUMN search_vector tsvector;
                    CREATE TRIGGER search_vector BEFORE INSERT OR UPDATE OF {columns} ON {table}
                        FOR EACH ROW EXECUTE FUNCTION cosie_{table switch { "reflection_prompts" => "prompts", _ => table }}_search();
                    CREATE INDEX ix_{table}_search_vector ON {table} USING gin (search_vector);
                    """);
            }
            // Existing rows: setting an indexed column to itself fires the trigger.
            migrationBuilder.Sql("""
                UPDATE modules SET title = title;
                UPDATE reflection_prompts SET text = text;
                UPDATE reflections SET body_source = body_source;
                UPDATE replies SET body_source = body_source;
                CREATE TRIGGER search_reindex AFTER UPDATE OF language ON modules
                    FOR EACH ROW WHEN (OLD.language IS DISTINCT FROM NEW.language) EXECUTE FUNCTION cosie_modules_reindex();
                """);

            // Trigram indexes: names for the author filter, post texts for the search that forgives typos.
            migrationBuilder.Sql("""
                CREATE INDEX ix_users_display_name_trgm ON "AspNetUsers" USING gin (display_name gin_trgm_ops);
                CREATE INDEX ix_reflections_body_trgm ON reflections USING gin (body_source gin_trgm_ops);
                CREATE INDEX ix_replies_body_trgm ON replies USING gin (body_source gin_trgm_ops);
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_users_display_name_trgm;
                DROP INDEX IF EXISTS ix_reflections_body_trgm;
                DROP INDEX IF EXISTS ix_replies_body_trgm;
                DROP TRIGGER IF EXISTS search_reindex ON modules;
                DROP TRIGGER IF EXISTS search_vector ON modules;
                DROP TRIGGER IF EXISTS search_vector ON reflection_prompts;
                DROP TRIGGER IF EXISTS search_vector ON reflections;
                DROP TRIGGER IF EXISTS search_vector ON replies;
                ALTER TABLE modules DROP COLUMN IF EXISTS search_vector;
                ALTER TABLE reflection_prompts DROP COLUMN IF EXISTS search_vector;
                ALTER TABLE reflections DROP COLUMN IF EXISTS search_vector;
                ALTER TABLE replies DROP COLUMN IF EXISTS search_vector;
                DROP FUNCTION IF EXISTS cosie_modules_reindex();
                DROP FUNCTION IF EXISTS cosie_replies_search();
                DROP FUNCTION IF EXISTS cosie_reflections_search();
                DROP FUNCTION IF EXISTS cosie_prompts_search();
                DROP FUNCTION IF EXISTS cosie_modules_search();
                DROP FUNCTION IF EXISTS cosie_module_search_config(uuid);
                DROP FUNCTION IF EXISTS cosie_search_config(text);
                DROP TEXT SEARCH CONFIGURATION IF EXISTS cosie_plain;
                """);
        }
    }
}
