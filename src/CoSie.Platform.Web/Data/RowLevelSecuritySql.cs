namespace CoSie.Platform.Web.Data;

// The SQL side of tenant isolation (docs/decisions/0009-row-level-security.md). Kept in the app so that the migration
// that installs it and the migrator that re-applies it after every migration run share one text.
public static class RowLevelSecuritySql
{
    public const string InstitutionSetting = "cosie.institution_id";
    public const string CrossTenantSetting = "cosie.cross_tenant";

    // Idempotent: enables and forces RLS and adds the two policies on every table of the current schema that has an
    // institution_id column, except institutions itself (tenant resolution reads it before any tenant is known).
    // FORCE makes the policies apply to the tables' owner as well; only superusers and BYPASSRLS roles pass.
    // An unset or empty cosie.institution_id compares with NULL, so it matches no row. The cross-tenant policy is
    // read-only: platform-wide code paths list across institutions but never write there.
    public const string CreateApplyFunction = """
        CREATE OR REPLACE FUNCTION cosie_apply_rls() RETURNS integer LANGUAGE plpgsql AS $fn$
        DECLARE
            t record;
            covered integer := 0;
        BEGIN
            FOR t IN
                SELECT n.nspname AS schema_name, c.relname AS table_name
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'institution_id' AND NOT a.attisdropped
                WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema() AND c.relname <> 'institutions'
            LOOP
                EXECUTE format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY', t.schema_name, t.table_name);
                EXECUTE format('ALTER TABLE %I.%I FORCE ROW LEVEL SECURITY', t.schema_name, t.table_name);
                IF NOT EXISTS (SELECT 1 FROM pg_policies p
                               WHERE p.schemaname = t.schema_name AND p.tablename = t.table_name AND p.policyname = 'tenant_isolation') THEN
                    EXECUTE format(
                        'CREATE POLICY tenant_isolation ON %I.%I '
                        'USING (institution_id = NULLIF(current_setting(''cosie.institution_id'', true), '''')::uuid) '
                        'WITH CHECK (institution_id = NULLIF(current_setting(''cosie.institution_id'', true), '''')::uuid)',
                        t.schema_name, t.table_name);
                END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_policies p
                               WHERE p.schemaname = t.schema_name AND p.tablename = t.table_name AND p.policyname = 'cross_tenant_read') THEN
                    EXECUTE format(
                        'CREATE POLICY cross_tenant_read ON %I.%I FOR SELECT '
                        'USING (current_setting(''cosie.cross_tenant'', true) = ''on'')',
                        t.schema_name, t.table_name);
                END IF;
                covered := covered + 1;
            END LOOP;
            RETURN covered;
        END
        $fn$;
        """;

    public const string RemoveAll = """
        DO $do$
        DECLARE t record;
        BEGIN
            FOR t IN SELECT schemaname, tablename, policyname FROM pg_policies
                     WHERE schemaname = current_schema() AND policyname IN ('tenant_isolation', 'cross_tenant_read')
            LOOP
                EXECUTE format('DROP POLICY %I ON %I.%I', t.policyname, t.schemaname, t.tablename);
                EXECUTE format('ALTER TABLE %I.%I NO FORCE ROW LEVEL SECURITY', t.schemaname, t.tablename);
                EXECUTE format('ALTER TABLE %I.%I DISABLE ROW LEVEL SECURITY', t.schemaname, t.tablename);
            END LOOP;
        END
        $do$;
        """;

    // What the application role needs in one schema, and no more: reading and writing rows, never ownership, DDL or
    // BYPASSRLS. Default privileges reach the tables that later migrations, run by the owner, create.
    public static string GrantToAppRole(string role, string schema) => $"""
        GRANT USAGE ON SCHEMA {Quote(schema)} TO {Quote(role)};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {Quote(schema)} TO {Quote(role)};
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {Quote(schema)} TO {Quote(role)};
        ALTER DEFAULT PRIVILEGES IN SCHEMA {Quote(schema)} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {Quote(role)};
        ALTER DEFAULT PRIVILEGES IN SCHEMA {Quote(schema)} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {Quote(role)};
        """;

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
