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
    }

    public string App { get; }

    // The pages' queries are few but large (the thread's access check joins a dozen tables), and PostgreSQL spent more
    // time parsing and planning them than running them (1.5 of 1.6 ms for that check). Npgsql then prepares a
    // statement on a connection once it has run twice, and later runs skip both steps. A deployment's own setting wins.
    private static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare > 0)
        {
            return connectionString;
        }
        builder.MaxAutoPrepare = 64;
        builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }

    public string Migrations { get; }

    // Set when the app connects as a role of its own, which the migrator then grants data access to.
    public string? AppRole { get; }
}
