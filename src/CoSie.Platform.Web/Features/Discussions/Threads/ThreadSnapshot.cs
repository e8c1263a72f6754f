namespace CoSie.Platform.Web.Features.Discussions.Threads;

// A rendered thread as every reader of one class sees it: the reflection (index 0), then the replies in tree order,
// each cut where the per-person parts go. Any range of posts can be written from it (ThreadSlice) without
// re-rendering or copying the rest, so one cached snapshot serves every page of the thread.
public sealed class ThreadSnapshot
{
    private readonly Dictionary<Guid, int> _index;

    public ThreadSnapshot(IReadOnlyList<PostRow> posts, IReadOnlyList<RenderedPost> rendered)
    {
        Posts = posts;
        Rendered = rendered;
        _index = new Dictionary<Guid, int>(posts.Count);
        for (var i = 0; i < posts.Count; i++)
        {
            _index[posts[i].Id] = i;
        }
        Characters = rendered.Sum(p => (long)p.Head.Length + p.Body.Length);
    }

    public IReadOnlyList<PostRow> Posts { get; }
    public IReadOnlyList<RenderedPost> Rendered { get; }
    public long Characters { get; }
    public int ReplyCount => Posts.Count - 1;

    // Where a post stands in the thread (0 for the reflection), or -1 when this kind of reader is not shown it.
    public int IndexOf(Guid postId) => _index.TryGetValue(postId, out var i) ? i : -1;

    public PostRow? Find(Guid postId) => IndexOf(postId) is >= 0 and var i ? Posts[i] : null;
}
