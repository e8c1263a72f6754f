namespace CoSie.Platform.Web.Domain;

public static class PostRules
{
    // Authors edit their own visible posts while the cohort's edit window is open.
    public static bool MayEdit(this IPost post, Guid userId, DateTimeOffset now, TimeSpan window) =>
        post.AuthorId == userId && IsEditable(post.Status, post.CreatedAt, now, window);

    // The same rule for a post read as a projection (the thread page, the edit page), whose author is known to be
    // the person.
    public static bool IsEditable(PostStatus status, DateTimeOffset createdAt, DateTimeOffset now, TimeSpan window) =>
        status == PostStatus.Visible && now < createdAt + window;

    // The replaced text goes into the history.
    public static PostRevision Edit(this IPost post, string source, string html, DateTimeOffset now)
    {
        var revision = new PostRevision
        {
            ReflectionId = post.ThreadId,
            PostId = post.Id,
            BodySource = post.BodySource,
            WrittenAt = post.EditedAt ?? post.CreatedAt,
            ReplacedAt = now,
        };
        post.BodySource = source;
        post.BodyHtml = html;
        post.EditedAt = now;
        return revision;
    }

    // The text goes; the row stays, so that replies keep their place in the tree.
    public static void Delete(this IPost post)
    {
        post.Status = PostStatus.Deleted;
        post.BodySource = string.Empty;
        post.BodyHtml = string.Empty;
    }
}
