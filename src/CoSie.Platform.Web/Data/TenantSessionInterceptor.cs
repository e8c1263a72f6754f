using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoSie.Platform.Web.Data;

// Tells PostgreSQL which institution a connection acts for, from the same tenant context that drives the query
// filters, so that row-level security agrees with EF Core. EF Core opens a connection for each query or SaveChanges
// (and keeps it open for a transaction), so setting it on every open covers every statement; both settings are
// written each time, so a pooled connection never carries a previous user's institution (docs/decisions/0009-row-level-security.md).
public sealed class TenantSessionInterceptor : DbConnectionInterceptor
{
    private const string Sql =
        $"SELECT set_config('{RowLevelSecuritySql.InstitutionSetting}', @institution, false), " +
        $"set_config('{RowLevelSecuritySql.CrossTenantSetting}', @cross, false)";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection, eventData.Context as PlatformDbContext);
        command.ExecuteNonQuery();
        SqlCommandTally.Current?.SessionSetup();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection, eventData.Context as PlatformDbContext);
        await command.ExecuteNonQueryAsync(cancellationToken);
        SqlCommandTally.Current?.SessionSetup();
    }

    internal static DbCommand Command(DbConnection connection, PlatformDbContext? db)
    {
        var command = connection.CreateCommand();
        command.CommandText = Sql;
        var institution = db?.CurrentInstitutionId ?? Guid.Empty;
        Add(command, "institution", institution == Guid.Empty ? string.Empty : institution.ToString());
        Add(command, "cross", db?.AcrossInstitutions == true ? "on" : "off");
        return command;
    }

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
