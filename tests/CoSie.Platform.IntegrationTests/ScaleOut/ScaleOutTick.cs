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
}
