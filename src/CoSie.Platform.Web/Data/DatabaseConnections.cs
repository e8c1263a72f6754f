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
        App = app;
        var migrations = configuration.GetConnectionString("Migrations");
        Migrations = string.IsNullOrWhiteSpace(migrations) ? app : migrations;
        var appUser = new NpgsqlConnectionStringBuilder(App).Username;
        var ownerUser = new NpgsqlConnectionStringBuilder(Migrations).Username;
        AppRole = !string.IsNullOrEmpty(appUser) && !string.Equals(appUser, ownerUser, StringComparison.Ordinal) ? appUser : null;
    }

    public string App { get; }

    public string Migrations { get; }

    // Set when the app connects as a role of its own, which the migrator then grants data access to.
    public string? AppRole { get; }
}
