using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoSie.Platform.IntegrationTests.Infrastructure;

// One migrated template database per test run; each test class gets its own copy in a fraction of a second.
public static class TestDatabases
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly string RunId = $"{Environment.ProcessId}_{DateTime.UtcNow:HHmmss}";
    private static string? _template;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("COSIE_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "COSIE_TEST_POSTGRES is not set. Run the tests with ./cosie test, which starts a private PostgreSQL, " +
                "or set it to a connection string of a server where the tests may create databases.");

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true, MaxPoolSize = 40 }.ConnectionString;

    public static async Task<string> CreateAsync(string purpose)
    {
        var template = await TemplateAsync();
        var name = $"t_{Sanitize(purpose)}_{Guid.NewGuid():N}";
        // Copies from one template one at a time: PostgreSQL refuses a copy while the template is in use.
        await Gate.WaitAsync();
        try
        {
            await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            Gate.Release();
        }
        return name;
    }

    public static async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static async Task<string> TemplateAsync()
    {
        if (_template is not null)
        {
            return _template;
        }
        await Gate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }
            var name = $"cosie_template_{RunId}";
            await ExecuteAsync($"CREATE DATABASE \"{name}\"");
            var options = new DbContextOptionsBuilder<PlatformDbContext>()
                .UseNpgsql(ConnectionStringFor(name), o => o.MigrationsAssembly(DataServiceCollectionExtensions.MigrationsAssemblyName))
                .UseSnakeCaseNamingConvention()
                .Options;
            await using (var db = new PlatformDbContext(options, new TenantContext()))
            {
                await db.Database.MigrateAsync();
            }
            // Hangfire's tables too, so that no test database installs them again.
            await using (var connection = new NpgsqlConnection(ConnectionStringFor(name)))
            {
                await connection.OpenAsync();
                Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(connection, "hangfire");
            }
            NpgsqlConnection.ClearAllPools();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
            _template = name;
            return name;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Sanitize(string purpose)
    {
        var chars = purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20).ToArray();
        return new string(chars);
    }
}
