using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CoSie.Platform.Web.Data;

// Tells PostgreSQL which institution a connection acts for, from the same tenant context that drives the query
// filters, so that row-level security agrees with EF Core. EF Core opens a connection for each query or SaveChanges
// (and keeps it open for a transaction), so setting it on every open covers every statement; both settings are
// written each time, so a pooled connection never carries a previous user's institution (docs/decisions/0009-row-level-security.md).
public sealed class TenantSessionInterceptor(ILogger<TenantSessionInterceptor> logger) : DbConnectionInterceptor
{
    private const string Sql =
        $"SELECT set_config('{RowLevelSecuritySql.InstitutionSetting}', @institution, false), " +
        $"set_config('{RowLevelSecuritySql.CrossTenantSetting}', @cross, false)";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        try
        {
            using var command = Command(connection, eventData.Context as PlatformDbContext);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException e) when (IsStale(connection))
        {
            Reopen(e, connection);
            connection.Open();
            using var command = Command(connection, eventData.Context as PlatformDbContext);
            command.ExecuteNonQuery();
        }
        SqlCommandTally.Current?.SessionSetup();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = Command(connection, eventData.Context as PlatformDbContext);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException e) when (IsStale(connection))
        {
            Reopen(e, connection);
            await connection.OpenAsync(cancellationToken);
            await using var command = Command(connection, eventData.Context as PlatformDbContext);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        SqlCommandTally.Current?.SessionSetup();
    }

    // A connection from the pool whose server went away (a PostgreSQL restart, a failover) breaks on its first
    // statement, and that statement is always this one: nothing of the caller's work has run on it yet, so taking a
    // fresh connection and running it again is safe. Npgsql does not notice a restart by itself, so the pool's other
    // idle connections are dropped at the same time rather than failing one request each.
    private static bool IsStale(DbConnection connection) => connection is NpgsqlConnection && connection.State != ConnectionState.Open;

    private void Reopen(NpgsqlException e, DbConnection connection)
    {
        logger.LogWarning(e, "A pooled database connection was broken; clearing the pool and opening a fresh connection");
        NpgsqlConnection.ClearPool((NpgsqlConnection)connection);
        connection.Close();
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
