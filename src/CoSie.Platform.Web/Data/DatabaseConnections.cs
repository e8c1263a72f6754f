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

    // Statements are not prepared automatically (Npgsql's Max Auto Prepare) unless a deployment's connection string asks
    // for it. Prepared statements saved PostgreSQL most of the parsing and planning of the pages' large queries, but a
    // command cancelled while it runs (its request's client went away: every page passes RequestAborted) could leave
    // its pooled connection out of step with the statements prepared on it, and a later request's statement on that
    // connection then read another statement's rows: a 500 with "Received unexpected backend message DataRow" (in the
    // bench, "The required column 'author_name' was not present"). Closing cancelled connections (Cancellation
    // Timeout=-1) did not prevent it. SearchUnderCancellationTests cuts searches short on the app's own settings.
    public string App { get; }

    public string Migrations { get; }

    // Set when the app connects as a role of its own, which the migrator then grants data access to.
    public string? AppRole { get; }

    public string? AppRolePassword { get; }

    // Database:ProvisionAppRole: the migration run creates the app's role (or sets its password) from
    // ConnectionStrings:Default, as docker compose does. It needs an owner that may create roles.
    public bool ProvisionAppRole { get; }
}
