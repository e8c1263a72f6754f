using Npgsql;

namespace CoSie.Platform.Web.Data;

// The app connects as ConnectionStrings:Default; migrations run as ConnectionStrings:Migrations, the role that owns the
// tables. With both set to different roles, the app's role neither owns the tables nor can switch row-level security
// off; with Migrations unset, one role does both, as before (docs/decisions/0009-row-level-security.md).
public sealed class DatabaseConnections
{
    public DatabaseConnections(IConfiguration configuration)
    {
        var app = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(app))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Default is not set. Set the environment variable ConnectionStrings__Default " +
                "(for example Host=localhost;Database=cosie;Username=cosie;Password=...), or start the app with ./cosie run.");
        }
        App = WithPreparedStatements(app);
        var migrations = configuration.GetConnectionString("Migrations");
        Migrations = string.IsNullOrWhiteSpace(migrations) ? app : migrations;
        var appUser = new NpgsqlConnectionStringBuilder(App).Username;
        var ownerUser = new NpgsqlConnectionStringBuilder(Migrations).Username;
        AppRole = !string.IsNullOrEmpty(appUser) && !string.Equals(appUser, ownerUser, StringComparison.Ordinal) ? appUser : null;
        AppRolePassword = AppRole is null ? null : new NpgsqlConnectionStringBuilder(App).Password;
        ProvisionAppRole = configuration.GetValue("Database:ProvisionAppRole", false);
        if (ProvisionAppRole && (AppRole is null || string.IsNullOrEmpty(AppRolePassword)))
        {
            // A deployment that asks for its own app role must never fall back to connecting as the owner, which
            // row-level security does not bind.
            throw new InvalidOperationException(
                "Database:ProvisionAppRole is set, but ConnectionStrings:Default does not name a role of its own with a password: " +
                "set it to the app's role (for example Username=cosie_app;Password=...) and ConnectionStrings:Migrations to the owner.");
        }
    }

    public string App { get; }

    // The pages' queries are few but large (the thread's access check joins a dozen tables), and PostgreSQL spent more
    // time parsing and planning them than running them (1.5 of 1.6 ms for that check). Npgsql then prepares a
    // statement on a connection once it has run twice, and later runs skip both steps. A deployment's own setting wins.
    //
    // A command cancelled while it runs (its request's client went away: every page passes RequestAborted) must not
    // leave its connection to the next request. Npgsql sends PostgreSQL a cancel request and by default waits for the
    // statement's end to keep the connection; with auto-prepared statements such a connection can come back out of step
    // with the server, and a later statement on it then reads another statement's columns ("The required column
    // 'author_name' was not present", "Received unexpected backend message DataRow"). With no wait, Npgsql closes the
    // cancelled connection instead, and the pool opens a fresh one (SearchUnderCancellationTests).
    private static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Names(connectionString, "Cancellation Timeout", "CancellationTimeout"))
        {
            builder.CancellationTimeout = -1;
        }
        if (builder.MaxAutoPrepare <= 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }

    // Whether the connection string itself sets one of these keywords (Npgsql's builder reports defaults as set).
    private static bool Names(string connectionString, params string[] keywords)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return keywords.Any(given.ContainsKey);
    }

    public string Migrations { get; }

    // Set when the app connects as a role of its own, which the migrator then grants data access to.
    public string? AppRole { get; }

    public string? AppRolePassword { get; }

    // Database:ProvisionAppRole: the migration run creates the app's role (or sets its password) from
    // ConnectionStrings:Default, as docker compose does. It needs an owner that may create roles.
    public bool ProvisionAppRole { get; }
}
