namespace CoSie.Platform.Web.Features.Discussions.Posts;

public static class ThreadPosts
{
    // A post of the loaded thread, tracked: the reflection itself or one of its replies; null when it has none by that id.
    public static async Task<IPost?> PostOfThreadAsync(this PlatformDbContext db, Reflection thread, Guid postId, CancellationToken cancellationToken) =>
        postId == thread.Id
            ? thread
            : await db.Replies.SingleOrDefaultAsync(r => r.Id == postId && r.ReflectionId == thread.Id, cancellationToken);
}
