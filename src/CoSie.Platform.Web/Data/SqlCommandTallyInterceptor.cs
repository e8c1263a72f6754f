using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoSie.Platform.Web.Data;

// Counts every command EF Core sends for the current request's tally, failed ones included. Registered only with
// Diagnostics:ServerTiming on.
public sealed class SqlCommandTallyInterceptor : DbCommandInterceptor
{
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        SqlCommandTally.Current?.Command(eventData.Duration);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        SqlCommandTally.Current?.Command(eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        SqlCommandTally.Current?.Command(eventData.Duration);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SqlCommandTally.Current?.Command(eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        SqlCommandTally.Current?.Command(eventData.Duration);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        SqlCommandTally.Current?.Command(eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        SqlCommandTally.Current?.Command(eventData.Duration);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SqlCommandTally.Current?.Command(eventData.Duration);
        return Task.CompletedTask;
    }
}
