using Microsoft.EntityFrameworkCore.Storage;

namespace CoSie.Platform.Web.Features.Discussions.Outbox;

// Tells the IPostStatusListeners of a post's change, in the caller's transaction after its writes are saved, each
// behind a savepoint: a listener's failure is logged and its own writes rolled back, and the change itself stands.
public sealed class PostStatusListeners(PlatformDbContext db, IEnumerable<IPostStatusListener> listeners, ILogger<PostStatusListeners> logger)
{
    public async Task TellAsync(IDbContextTransaction transaction, Guid reflectionId, Guid postId, Guid? authorId, CancellationToken cancellationToken)
    {
        if (authorId is not { } author)
        {
            return;
        }
        foreach (var listener in listeners)
        {
            await transaction.CreateSavepointAsync("status-listener", cancellationToken);
            try
            {
                await listener.StatusChangedAsync(new PublishedPost(reflectionId, postId, author), cancellationToken);
                await transaction.ReleaseSavepointAsync("status-listener", cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await transaction.RollbackToSavepointAsync("status-listener", CancellationToken.None);
                db.ChangeTracker.Clear();
                logger.LogError(e, "{Listener} failed on the changed post {PostId}", listener.GetType().Name, postId);
            }
        }
    }
}
