using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CoSie.Platform.IntegrationTests.ScaleOut;

// A job of the tests' own that every test instance can run: it writes down which instance ran it, in the shared
// database, so a test can count runs.
public sealed class ScaleOutTick(IConfiguration configuration)
{
    public const string Table = "scale_out_ticks";

    public async Task RunAsync(string marker)
    {
        await using var connection = new NpgsqlConnection(configuration.GetConnectionString("Default"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"INSERT INTO {Table} (marker, instance) VALUES (@marker, @instance)", connection);
        command.Parameters.AddWithValue("marker", marker);
        command.Parameters.AddWithValue("instance", configuration[ScaleOutHosting.InstanceSetting] ?? "?");
        await command.ExecuteNonQueryAsync();
    }

    public static async Task CreateTableAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE TABLE IF NOT EXISTS {Table} (marker text NOT NULL, instance text NOT NULL)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<string>> RunsAsync(string connectionString, string marker)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT instance FROM {Table} WHERE marker = @marker", connection);
        command.Parameters.AddWithValue("marker", marker);
        var runs = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs.Add(reader.GetString(0));
        }
        return runs;
    }

    // What Hangfire holds in the shared database, for a failure message: a test that saw too few runs says whether
    // the job was never enqueued, is waiting in the queue, or is held up by a lock.
    public static async Task<string> DescribeJobsAsync(string connectionString)
    {
        string[] queries =
        [
            "SELECT 'now ' || now()",
            "SELECT 'server ' || id || ' heartbeat ' || lastheartbeat FROM hangfire.server",
            "SELECT 'lock ' || resource || ' acquired ' || coalesce(acquired::text, '-') FROM hangfire.lock",
            "SELECT 'job ' || id || ' ' || coalesce(statename, '-') || ' created ' || createdat || ' ' || left(invocationdata::text, 120) FROM hangfire.job ORDER BY id",
            "SELECT 'state ' || jobid || ' ' || name || ' ' || coalesce(reason, '') || ' ' || left(coalesce(data::text, ''), 300) FROM hangfire.state ORDER BY id",
            "SELECT 'queued ' || jobid || ' in ' || queue || ' fetched ' || coalesce(fetchedat::text, '-') FROM hangfire.jobqueue",
            "SELECT 'session ' || coalesce(state, '-') || ' ' || coalesce(wait_event_type || ':' || wait_event, '') || ' since ' || coalesce(state_change::text, '-') || ' ' || left(query, 100) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
            "SELECT 'recurring ' || value || ' due ' || to_timestamp(score) FROM hangfire.set WHERE key = 'recurring-jobs'",
        ];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        foreach (var query in queries)
        {
            await using var command = new NpgsqlCommand(query, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }
        return string.Join(Environment.NewLine, lines);
    }
}
