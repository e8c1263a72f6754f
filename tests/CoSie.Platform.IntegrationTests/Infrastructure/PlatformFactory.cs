using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CoSie.Platform.IntegrationTests.Infrastructure;

// The real app (its whole pipeline) on its own PostgreSQL database, with a controllable clock and mail
// delivered to a real SMTP listener.
public class PlatformFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string? _database;
    private readonly bool _sharesDatabase;

    public PlatformFactory()
    {
    }

    // A further instance of the app on another factory's database (scale-out tests): it neither creates nor drops it.
    protected PlatformFactory(string sharedDatabase)
    {
        _database = sharedDatabase;
        _sharesDatabase = true;
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    public SmtpSink Mail { get; } = new();
    public LogSink Logs { get; } = new();
    public string Database => _database ?? throw new InvalidOperationException("The factory is not initialised.");
    public virtual string ConnectionString => TestDatabases.ConnectionStringFor(Database);

    // What the app connects as; tests' own queries use ConnectionString (a superuser, which row-level security
    // passes). AppRolePlatformFactory runs the app as a role that RLS applies to.
    protected virtual string AppConnectionString => ConnectionString;

    public virtual async Task InitializeAsync()
    {
        _database ??= await CreateDatabaseAsync();
        await Mail.StartAsync();
    }

    // A copy of the migrated template on the shared test cluster; a fault test that restarts its database server
    // brings a server of its own instead.
    protected virtual Task<string> CreateDatabaseAsync() => TestDatabases.CreateAsync(GetType().Name);

    protected virtual Task DropDatabaseAsync(string database) => TestDatabases.DropAsync(database);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Mail.DisposeAsync();
        if (_database is not null && !_sharesDatabase)
        {
            await DropDatabaseAsync(_database);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The pseudo-languages show untranslated text and layouts that cannot grow.
        builder.UseSetting("Languages:Pseudo", "true");
        builder.UseSetting("ConnectionStrings:Default", AppConnectionString);
        builder.UseSetting("ConnectionStrings:Migrations", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        // Tests that are about jobs run them directly; no background server polls the test database.
        builder.UseSetting("Jobs:ServerEnabled", "false");
        builder.UseSetting("Email:SmtpHost", "127.0.0.1");
        builder.UseSetting("Email:SmtpPort", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:SmtpSecurity", "None");
        builder.UseSetting("Email:FromAddress", "platform@cosie.test");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task<T> InInstitutionAsync<T>(Guid institutionId, Func<IServiceProvider, PlatformDbContext, Task<T>> action)
    {
        await using var scope = await Services.GetRequiredService<TenantScopes>().EnterAsync(institutionId);
        return await action(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }
}
