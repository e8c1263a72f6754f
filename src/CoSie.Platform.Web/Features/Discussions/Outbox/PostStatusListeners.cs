using Microsoft.EntityFrameworkCore.Storage;

namespace CoSie.Platform.Web.Features.Discussions.Outbox;

// Tells the IPostStatusListeners of a post's change, in the caller's transaction after its writes are saved, each
// behind its own savepoint (ListenerSavepoints): a listener's failure is logged, and the change itself stands.
public sealed class PostStatusListeners(PlatformDbContext db, IEnumerable<IPostStatusListener> listeners, ILogger<PostStatusListeners> logger)
{
    public async Task TellAsync(IDbContextTransaction transaction, Guid reflectionId, Guid postId, Guid? authorId, CancellationToken cancellationToken)
    {
        if (authorId is not { } author)
        {
            return;
        }
        await ListenerSavepoints.CallEachAsync(db, transaction, listeners,
            listener => listener.StatusChangedAsync(new PublishedPost(reflectionId, postId, author), cancellationToken),
            (listener, e) => logger.LogError(e, "{Listener} failed on the changed post {PostId}", listener.GetType().Name, postId),
            cancellationToken);
    }
}
