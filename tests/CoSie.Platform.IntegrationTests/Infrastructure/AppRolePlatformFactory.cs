namespace CoSie.Platform.IntegrationTests.Infrastructure;

// The app as production should run it: connected as a role that neither owns the tables nor bypasses row-level
// security, so every page it serves passes PostgreSQL's tenant policies as well as EF Core's filters.
public class AppRolePlatformFactory : PlatformFactory
{
    protected override string AppConnectionString => TestDatabases.AppRoleConnectionStringFor(Database);
}
