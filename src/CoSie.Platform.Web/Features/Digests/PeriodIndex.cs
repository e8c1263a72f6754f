namespace CoSie.Platform.Web.Features.Digests;

// The posts that settled in one digest period, indexed the ways a reader's digest looks them up: reflections by
// prompt and by id, replies by whose post they answer and by thread, threads by how many replies they got.
public sealed class PeriodIndex
{
    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _end;
    private readonly TimeSpan _window;
    private readonly Dictionary<(Guid?, Guid), int> _repliesByAuthorAndThread;

    public PeriodIndex(CohortDigestData data, DateTimeOffset periodStart, DateTimeOffset asOf)
    {
        _start = periodStart;
        _end = asOf;
        _window = data.Cohort.EditWindow;
        var reflections = data.Reflections.Where(Settled).ToList();
        Reflections = reflections.ToDictionary(p => p.ReflectionId);
        ReflectionsByPrompt = reflections.GroupBy(p => p.PromptId).ToDictionary(g => g.Key, g => (IReadOnlyList<DigestPostRow>)[.. g.OrderBy(p => p.CreatedAt)]);
        var replies = data.Replies.Where(Settled).ToList();
        RepliesByParentAuthor = replies.Where(p => p.ParentAuthorId is not null).ToLookup(p => p.ParentAuthorId!.Value);
        ThreadsByActivity = replies.GroupBy(p => p.ReflectionId)
            .Select(g => new ThreadActivity([.. g], g.Max(p => p.CreatedAt)))
            .OrderByDescending(t => t.Replies.Count).ThenByDescending(t => t.Last)
            .ToList();
        _repliesByAuthorAndThread = replies.GroupBy(p => (p.AuthorId, p.ReflectionId)).ToDictionary(g => g.Key, g => g.Count());
    }

    public IReadOnlyDictionary<Guid, DigestPostRow> Reflections { get; }
    public IReadOnlyDictionary<Guid, IReadOnlyList<DigestPostRow>> ReflectionsByPrompt { get; }
    public ILookup<Guid, DigestPostRow> RepliesByParentAuthor { get; }
    public IReadOnlyList<ThreadActivity> ThreadsByActivity { get; }

    // Past its edit window within the period: what is mailed is what stays.
    public bool Settled(DigestPostRow post)
    {
        var settled = post.CreatedAt + _window;
        return settled > _start && settled <= _end;
    }

    public int RepliesBy(Guid authorId, Guid reflectionId) => _repliesByAuthorAndThread.GetValueOrDefault((authorId, reflectionId));

    public sealed record ThreadActivity(IReadOnlyList<DigestPostRow> Replies, DateTimeOffset Last);
}
