using Npgsql;

namespace CoSie.Platform.Bench;

// SQL statements the app ran, from PostgreSQL's pg_stat_statements (the bench cluster preloads it): counted on the
// server, so nothing in the app is instrumented for the benchmark.
public sealed class QueryCounter(string connectionString)
{
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(bool excludeJobStorage = false)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // The harness marks its own statements; Hangfire's own statements (polling its queue, heartbeats, job states) name its schema.
        // Npgsql resets a pooled connection when it is returned (DISCARD ALL; with prepared statements kept, CLOSE ALL,
        // UNLISTEN *, pg_advisory_unlock_all() and DISCARD SEQUENCES/TEMP instead), sent along with the next query: pool
        // housekeeping, not the page's work, so it is left out.
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND query NOT ILIKE '%pg_stat_statements%' AND query NOT ILIKE 'DISCARD%' AND query NOT ILIKE 'CLOSE ALL%'
              AND query NOT ILIKE 'UNLISTEN%' AND query NOT ILIKE '%pg_advisory_unlock_all()%'
              AND query NOT ILIKE '%/* bench */%' AND (NOT @exclude OR query NOT ILIKE '%hangfire%')
            """, connection);
        command.Parameters.AddWithValue("exclude", excludeJobStorage);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
