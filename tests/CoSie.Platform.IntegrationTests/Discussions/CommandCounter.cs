using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoSie.Platform.IntegrationTests.Discussions;

// Counts the SQL statements the app sends, as PostgreSQL's pg_stat_statements would: every command EF Core runs, and
// the statement that sets the institution for row-level security each time a connection opens
// (TenantSessionInterceptor runs it on the connection itself, outside EF Core's command interceptors). With
// RequestsOnly, only what requests send that Server-Timing tallies (SqlCommandTally): work running meanwhile in the
// background (the outbox worker, the pushes after a post) is left out.
public sealed class CommandCounter : DbCommandInterceptor, IDbConnectionInterceptor
{
    private int _count;
    private int _opens;

    public bool RequestsOnly { get; init; }

    public int Count => Volatile.Read(ref _count);

    public int ConnectionOpens => Volatile.Read(ref _opens);

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _opens, 0);
    }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Opened();

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Opened();
        return Task.CompletedTask;
    }

    private void Opened()
    {
        if (Counts)
        {
            Interlocked.Increment(ref _opens);
            Interlocked.Increment(ref _count);
        }
    }

    private bool Counts => !RequestsOnly || CoSie.Platform.Web.Data.SqlCommandTally.Current is not null;

    private void Counted()
    {
        if (Counts)
        {
            Interlocked.Increment(ref _count);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Counted();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Counted();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Counted();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Counted();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Counted();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Counted();
        return ValueTask.FromResult(result);
    }
}
