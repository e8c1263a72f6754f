using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CoSie.Platform.IntegrationTests.Infrastructure;
using Npgsql;

namespace CoSie.Platform.IntegrationTests.SelfHosting;

// The published app, started as docker-compose.yml starts its containers: the migrate service's command first,
// then the app's entrypoint, with the environment compose builds from .env.example.
public sealed class PublishedAppTests(PublishedApp published) : IClassFixture<PublishedApp>
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_migrate_command_then_the_entrypoint_bring_up_a_ready_app_that_stops_cleanly()
    {
        var database = await TestDatabases.CreateEmptyAsync("published");
        try
        {
            var port = FreePort();
            var environment = ContainerEnvironment("app", database, port, new()
            {
                ["COSIE_DEMO_SEED"] = "true",
                ["COSIE_ADMIN_EMAIL"] = "ops@platform.test",
                ["COSIE_ADMIN_PASSWORD"] = "an operator's long passphrase",
            });

            await using (var migrate = AppProcess.Start(published.Folder, ContainerEnvironment("migrate", database, port, []), "migrate"))
            {
                Assert.True(await migrate.WaitForExitAsync(TimeSpan.FromMinutes(2)) == 0, migrate.Output);
            }

            await using var app = AppProcess.Start(published.Folder, environment);
            using var client = Client(port);
            await WaitForAsync(app, client, "/readyz", HttpStatusCode.OK);
            using (var health = await client.GetAsync("/healthz"))
            {
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }
            using (var demo = await client.GetAsync("/cosie"))
            {
                Assert.Equal(HttpStatusCode.OK, demo.StatusCode);
                Assert.Contains("CoSIE Demo", await demo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            Assert.Contains("ops@platform.test", await PlatformAdminsAsync(database));
            await AssertTheAppRoleIsBoundByRowLevelSecurityAsync(database, environment["ConnectionStrings__Default"]);
            await using (var probe = AppProcess.Start(published.Folder, environment, "healthcheck"))
            {
                Assert.True(await probe.WaitForExitAsync(StopTimeout) == 0, probe.Output);
            }

            Assert.True(await app.StopAsync(StopTimeout) == 0, app.Output);
        }
        finally
        {
            await TestDatabases.DropAsync(database);
            await DropAppRoleAsync();
        }
    }

    // Compose starts the app only after the migration run succeeded, which is also what creates the app's role: an app
    // started before it cannot sign in to the database, and stops at once saying so rather than serve errors.
    [Fact]
    public async Task Before_the_migration_run_the_app_stops_and_names_the_role_it_could_not_connect_as()
    {
        var database = await TestDatabases.CreateEmptyAsync("unmigrated");
        try
        {
            var environment = ContainerEnvironment("app", database, FreePort(), []);
            Assert.Equal("false", environment["Database__MigrateOnStartup"]);

            await using var app = AppProcess.Start(published.Folder, environment);

            Assert.NotEqual(0, await app.WaitForExitAsync(StartTimeout));
            Assert.Contains(AppRole, app.Output, StringComparison.Ordinal);
        }
        finally
        {
            await TestDatabases.DropAsync(database);
        }
    }

    [Fact]
    public async Task The_healthcheck_command_fails_when_the_app_does_not_answer()
    {
        await using var probe = AppProcess.Start(
            published.Folder, new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = FreePort() }, "healthcheck");

        Assert.Equal(1, await probe.WaitForExitAsync(StopTimeout));
    }

    // What compose gives the service after `cp .env.example .env` and the given edits, with the database and port of
    // this test instead of the postgres service and the image's 8080.
    // The owner is this test server's own user; the app's role keeps the name and password compose gives it, and the
    // migrate command creates it as it does in the container.
    private static Dictionary<string, string> ContainerEnvironment(
        string service, string database, string port, Dictionary<string, string> edits)
    {
        edits["POSTGRES_PASSWORD"] = "replaced-below";
        edits["COSIE_DB_APP_USER"] = AppRole;
        edits["COSIE_DB_APP_PASSWORD"] = "app-role-password-of-this-test";
        var environment = ComposeFile.Load().Environment(service, EnvExample.Load().With(edits));
        if (environment.ContainsKey("ConnectionStrings__Migrations"))
        {
            environment["ConnectionStrings__Migrations"] = TestDatabases.ConnectionStringFor(database);
        }
        var app = new NpgsqlConnectionStringBuilder(environment["ConnectionStrings__Default"]);
        environment["ConnectionStrings__Default"] = new NpgsqlConnectionStringBuilder(TestDatabases.ConnectionStringFor(database))
        {
            Username = app.Username,
            Password = app.Password,
        }.ConnectionString;
        environment["ASPNETCORE_HTTP_PORTS"] = port;
        return environment;
    }

    // A role name of this test run: roles belong to the whole PostgreSQL cluster, not to the test's database.
    private static readonly string AppRole = $"cosie_app_{Environment.ProcessId}";

    // As compose runs it: the app's role is no superuser, cannot bypass row-level security, owns no table, and without
    // an institution set sees none of the demo institution's rows, which the owner sees.
    private static async Task AssertTheAppRoleIsBoundByRowLevelSecurityAsync(string database, string appConnection)
    {
        await using var asApp = new NpgsqlConnection(appConnection);
        await asApp.OpenAsync();
        Assert.Equal(AppRole, await ScalarAsync(asApp, "SELECT current_user"));
        Assert.Equal(false, await ScalarAsync(asApp, "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"));
        Assert.Equal(0L, await ScalarAsync(asApp, "SELECT count(*) FROM pg_tables WHERE tableowner = current_user"));
        Assert.Equal(true, await ScalarAsync(asApp, "SELECT row_security_active('courses')"));
        Assert.Equal(0L, await ScalarAsync(asApp, "SELECT count(*) FROM courses"));

        await using var asOwner = new NpgsqlConnection(TestDatabases.ConnectionStringFor(database));
        await asOwner.OpenAsync();
        Assert.NotEqual(0L, await ScalarAsync(asOwner, "SELECT count(*) FROM courses"));
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task DropAppRoleAsync()
    {
        await using var server = new NpgsqlConnection(TestDatabases.ConnectionStringFor("postgres"));
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS \"{AppRole}\"", server);
        await drop.ExecuteNonQueryAsync();
    }

    private static HttpClient Client(string port) =>
        new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };

    private static async Task WaitForAsync(AppProcess app, HttpClient client, string path, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(app.HasExited, $"The app exited while starting. Its output:\n{app.Output}");
            try
            {
                using var response = await client.GetAsync(path);
                if (response.StatusCode == expected)
                {
                    return;
                }
                last = response.StatusCode.ToString();
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            await Task.Delay(250);
        }
        Assert.Fail($"{path} did not answer {expected} within {StartTimeout} (last: {last}). The app's output:\n{app.Output}");
    }

    private static async Task<List<string>> PlatformAdminsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(TestDatabases.ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT email FROM "AspNetUsers" WHERE is_platform_admin""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var emails = new List<string>();
        while (await reader.ReadAsync())
        {
            emails.Add(reader.GetString(0));
        }
        return emails;
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
