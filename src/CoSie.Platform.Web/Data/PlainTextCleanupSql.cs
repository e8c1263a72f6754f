namespace CoSie.Platform.Web.Data;

// PlainText's rule for rows stored before it: the single-line columns that people type (names, titles, slugs) lose
// their control characters and bidirectional embeddings, overrides and isolates, and are put in NFC. Kept in the app so
// that the migration and its test run the same text. Tenant-owned tables are updated one institution at a time with
// cosie.institution_id set, so that the statement also works for an owner that row-level security binds.
public static class PlainTextCleanupSql
{
    // What PlainText.IsRefused refuses in a single-line field, as a regular expression class (PostgreSQL's \uXXXX).
    private const string Refused = @"[\u0001-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]";

    private static string Clean(string column) => $"{column} = normalize(regexp_replace({column}, '{Refused}', '', 'g'), NFC)";

    private static string Dirty(string column) => $"({column} ~ '{Refused}' OR {column} IS NOT NFC NORMALIZED)";

    private static string Update(string table, params string[] columns) =>
        $"UPDATE {table} SET {string.Join(", ", columns.Select(Clean))} WHERE {string.Join(" OR ", columns.Select(Dirty))};";

    public static readonly string CleanSingleLineColumns = $"""
        DO $cleanup$
        DECLARE
            institution uuid;
        BEGIN
            {Update("institutions", "name", "slug")}
            {Update("\"AspNetUsers\"", "display_name")}
            FOR institution IN SELECT id FROM institutions LOOP
                PERFORM set_config('{RowLevelSecuritySql.InstitutionSetting}', institution::text, false);
                {Update("courses", "title", "slug")}
                {Update("modules", "title", "slug")}
                {Update("cohorts", "name")}
                {Update("cohort_invitations", "name")}
            END LOOP;
            PERFORM set_config('{RowLevelSecuritySql.InstitutionSetting}', '', false);
        END
        $cleanup$;
        """;
}
