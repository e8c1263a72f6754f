using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Hosting;

namespace CoSie.Platform.IntegrationTests.Faults;

// The discussion app on a PostgreSQL server of its own that the test may stop and start. Set up as production is:
// the app connects as a role that owns nothing and that row-level security binds, and migrates the database itself at
// start as the owner.
public sealed class RestartingDatabaseFactory : DiscussionFactory
{
    private const string DatabaseName = "cosie";
    private const string AppRole = "cosie_app";

    public RestartingDatabaseFactory() => UseKestrel(0);

    public PrivatePostgres Postgres { get; } = new();

    // The app serves a real loopback port, so that a failing request is answered as Kestrel answers it.
    public Uri ServerAddress { get; private set; } = null!;

    public override string ConnectionString => Postgres.ConnectionStringFor(Database);

    protected override string AppConnectionString => Postgres.ConnectionStringFor(Database, AppRole);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        ServerAddress = ClientOptions.BaseAddress;
    }

    // A client of its own, as one person's browser is: its own connections and the person's session cookie.
    public Task<HttpClient> ClientAsync(PlatformUser user) => this.CreateRealPortClientAsAsync(ServerAddress, user);

    protected override async Task<string> CreateDatabaseAsync()
    {
        await Postgres.CreateAsync();
        await Postgres.ExecuteAsync("postgres", $"CREATE DATABASE {DatabaseName}");
        await Postgres.ExecuteAsync("postgres", $"CREATE ROLE {AppRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
        return DatabaseName;
    }

    protected override async Task DropDatabaseAsync(string database) => await Postgres.DisposeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:MigrateOnStartup", "true");
    }
}
