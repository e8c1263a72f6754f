using Microsoft.EntityFrameworkCore.Storage;

namespace CoSie.Platform.Web.Features.Discussions.Outbox;

// Calls listeners in the caller's transaction, each behind its own savepoint: a listener's failure is logged, its own
// writes are rolled back, and neither the caller's writes nor the other listeners' are undone.
public static class ListenerSavepoints
{
    public static async Task CallEachAsync<TListener>(
        PlatformDbContext db,
        IDbContextTransaction transaction,
        IEnumerable<TListener> listeners,
        Func<TListener, Task> call,
        Action<TListener, Exception> failed,
        CancellationToken cancellationToken)
        where TListener : notnull
    {
        foreach (var listener in listeners)
        {
            await transaction.CreateSavepointAsync("listener", cancellationToken);
            try
            {
                await call(listener);
                await transaction.ReleaseSavepointAsync("listener", cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await transaction.RollbackToSavepointAsync("listener", CancellationToken.None);
                db.ChangeTracker.Clear();
                failed(listener, e);
            }
        }
    }
}
