using CoSie.Platform.Web.Jobs;
using CoSie.Platform.Web.Tenancy;
using Npgsql;

namespace CoSie.Platform.Web.Data;

// Applies pending migrations under a PostgreSQL advisory lock, so that several instances (or a migrate
// container and an app) starting together cannot race. Migrations run as the owner role (ConnectionStrings:Migrations,
// else the app's own); afterwards row-level security is applied to every tenant-owned table, including tables that
// migrations merged later added, and a separate app role is granted what it needs (docs/decisions/0009-row-level-security.md).
public sealed class DatabaseMigrator(DatabaseConnections connections, JobsOptions jobs, ILogger<DatabaseMigrator> logger)
{
    private const long LockKey = 0x_C051E_0001;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>()
            .UseNpgsql(connections.Migrations, npgsql => npgsql.MigrationsAssembly(DataServiceCollectionExtensions.MigrationsAssemblyName))
            .UseSnakeCaseNamingConvention()
            .Options;
        await using var db = new PlatformDbContext(options, new TenantContext());
        await using var lockConnection = new NpgsqlConnection(connections.Migrations);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var acquire = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            acquire.Parameters.AddWithValue("key", LockKey);
            await acquire.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0)
            {
                logger.LogInformation("The database schema is up to date");
            }
            else
            {
                logger.LogInformation("Applying {Count} migrations: {Migrations}", pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }
            await SecureAsync(lockConnection, cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", LockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task SecureAsync(NpgsqlConnection owner, CancellationToken cancellationToken)
    {
        await using (var apply = new NpgsqlCommand("SELECT cosie_apply_rls()", owner))
        {
            var tables = await apply.ExecuteScalarAsync(cancellationToken);
            logger.LogInformation("Row-level security covers {Count} tenant-owned tables", tables);
        }
        // The app may not create schemas (its own role) or does not migrate (Database:MigrateOnStartup off), so Hangfire's
        // tables are installed here, by the owner, with everything else the schema needs.
        Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(owner, jobs.SchemaName);
        if (connections.AppRole is not { } role)
        {
            return;
        }
        if (connections.ProvisionAppRole)
        {
            await ProvisionAsync(owner, role, connections.AppRolePassword!, cancellationToken);
        }
        await using var grant = new NpgsqlCommand(
            RowLevelSecuritySql.GrantToAppRole(role, "public") + RowLevelSecuritySql.GrantToAppRole(role, jobs.SchemaName), owner);
        await grant.ExecuteNonQueryAsync(cancellationToken);
        logger.LogInformation("Granted the app role {Role} access to the data", role);
    }

    // Creates the app's role, or brings an existing one to the password of ConnectionStrings:Default, with no rights
    // beyond logging in; the grants follow. A role that is superuser or BYPASSRLS is refused: the policies would not
    // bind it, and the deployment would look protected without being so.
    private async Task ProvisionAsync(NpgsqlConnection owner, string role, string password, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = @role", owner))
        {
            exists.Parameters.AddWithValue("role", role);
            if (await exists.ExecuteScalarAsync(cancellationToken) is true)
            {
                throw new InvalidOperationException(
                    $"The app's role {role} is a superuser or may bypass row-level security; give the app a role of its own without those rights.");
            }
        }
        // Role names and passwords cannot be parameters of CREATE ROLE; format() quotes them as an identifier and a literal.
        await using var build = new NpgsqlCommand("""
            SELECT format(
                CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @role)
                     THEN 'ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD %L'
                     ELSE 'CREATE ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD %L' END,
                @role, @password)
            """, owner);
        build.Parameters.AddWithValue("role", role);
        build.Parameters.AddWithValue("password", password);
        var statement = (string)(await build.ExecuteScalarAsync(cancellationToken))!;
        await using var provision = new NpgsqlCommand(statement, owner);
        await provision.ExecuteNonQueryAsync(cancellationToken);
        logger.LogInformation("The app role {Role} is in place, without superuser or BYPASSRLS rights", role);
    }
}
