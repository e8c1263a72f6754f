namespace CoSie.Platform.Web.Features.Discussions.Threads;

// A rendered thread as every reader of one class sees it: the reflection (index 0), then the replies in tree order,
// each cut where the per-person parts go. Any range of posts can be written from it (ThreadSlice) without
// re-rendering or copying the rest, so one cached snapshot serves every page of the thread. The rows keep what the
// per-person parts need; their bodies live in the rendered HTML only (BodyHtml is empty here).
public sealed class ThreadSnapshot
{
    // What holding one post costs besides its strings' characters: the row, its rendered pair, the strings' headers,
    // the lists' slots and the index entry, rounded up.
    private const long BytesPerPost = 400;

    private readonly Dictionary<Guid, int> _index;

    public ThreadSnapshot(IReadOnlyList<PostRow> posts, IReadOnlyList<RenderedPost> rendered, ThreadStamp stamp)
    {
        Posts = posts;
        Rendered = rendered;
        Stamp = stamp;
        _index = new Dictionary<Guid, int>(posts.Count);
        long characters = 0;
        for (var i = 0; i < posts.Count; i++)
        {
            var post = posts[i];
            _index[post.Id] = i;
            characters += rendered[i].Head.Length + rendered[i].Body.Length + post.BodyHtml.Length + post.Path.Length
                + (post.AuthorName?.Length ?? 0) + (post.HiddenReason?.Length ?? 0) + (post.AuthorPicture?.Length ?? 0);
        }
        Bytes = (characters * sizeof(char)) + (posts.Count * BytesPerPost);
    }

    public IReadOnlyList<PostRow> Posts { get; }
    public IReadOnlyList<RenderedPost> Rendered { get; }
    public ThreadStamp Stamp { get; }

    // About how much memory the snapshot holds (what the thread cache's budget counts).
    public long Bytes { get; }
    public int ReplyCount => Posts.Count - 1;

    // Where a post stands in the thread (0 for the reflection), or -1 when this kind of reader is not shown it.
    public int IndexOf(Guid postId) => _index.TryGetValue(postId, out var i) ? i : -1;

    public PostRow? Find(Guid postId) => IndexOf(postId) is >= 0 and var i ? Posts[i] : null;
}
