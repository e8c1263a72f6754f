using CoSie.Platform.Web.Features.Discussions.Threads;
using CoSie.Platform.Web.Localization;

namespace CoSie.Platform.Web.Features.Discussions.Live;

// Turns thread events into what live pages receive, each post rendered in its current state by ThreadRenderer
// for one viewer class and one reader's language. Used for pushes after a commit and for catching up after a reconnect.
public sealed class ThreadEventMessages(PlatformDbContext db, ThreadLoader loader, ThreadRenderer renderer, TimeProvider clock)
{
    public const int MaxCatchUp = 500;

    // What the events show, loaded once however many languages they are then rendered in.
    public sealed record Batch(Guid ReflectionId, int ReplyCount, IReadOnlyList<ThreadEvent> Events, IReadOnlyDictionary<Guid, PostRow> Posts, IReadOnlyDictionary<Guid, string?> ParentNames);

    public async Task<IReadOnlyList<ThreadEventMessage>> RenderAsync(
        Guid reflectionId, IReadOnlyList<ThreadEvent> events, ViewerClass viewer, Locale locale, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        events.Count == 0 ? [] : Render(await LoadAsync(reflectionId, events, cancellationToken), viewer, locale, zone);

    public async Task<Batch> LoadAsync(Guid reflectionId, IReadOnlyList<ThreadEvent> events, CancellationToken cancellationToken)
    {
        var reflection = await db.Reflections.AsNoTracking()
            .Where(r => r.Id == reflectionId)
            .Select(r => new
            {
                Reflection = r,
                AuthorName = db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                AuthorPicture = db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.PictureVersion).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        var replyIds = events.Select(e => e.PostId).Where(id => id != reflectionId).Distinct().ToList();
        var replies = replyIds.Count == 0
            ? []
            : await loader.RepliesQuery(db.Replies.Where(r => replyIds.Contains(r.Id))).ToListAsync(cancellationToken);
        var parentIds = replies.Where(r => r.Depth > DiscussionOptions.MaxIndent && r.ParentReplyId is not null).Select(r => r.ParentReplyId!.Value).Distinct().ToList();
        var parentNames = parentIds.Count == 0
            ? new Dictionary<Guid, string?>()
            : await (from r in db.Replies
                     where parentIds.Contains(r.Id)
                     join u in db.Users on r.AuthorId equals u.Id into authors
                     from u in authors.DefaultIfEmpty()
                     select new { r.Id, Name = u == null ? null : u.DisplayName })
                .ToDictionaryAsync(x => x.Id, x => (string?)x.Name, cancellationToken);
        var posts = replies.ToDictionary(r => r.Id);
        posts[reflectionId] = PostRow.From(reflection.Reflection, reflection.AuthorName, reflection.AuthorPicture);
        return new Batch(reflectionId, reflection.Reflection.ReplyCount, [.. events.OrderBy(e => e.Sequence)], posts, parentNames);
    }

    // The posts as a page in this language, these formats and this time zone would show them.
    public IReadOnlyList<ThreadEventMessage> Render(Batch batch, ViewerClass viewer, Locale locale, TimeZoneInfo zone) => locale.Render(() =>
    {
        var anyone = PersonalView.Anyone(clock.GetUtcNow());
        var messages = new List<ThreadEventMessage>(batch.Events.Count);
        foreach (var e in batch.Events)
        {
            if (!batch.Posts.TryGetValue(e.PostId, out var post)
                || (viewer == ViewerClass.Reader && post.Status == PostStatus.AwaitingApproval))
            {
                continue;
            }
            var inReplyTo = post.ParentReplyId is { } parent ? batch.ParentNames.GetValueOrDefault(parent) : null;
            var html = e.Kind == ThreadEventKind.HelpfulChanged ? null : renderer.RenderPost(post, inReplyTo, viewer, zone, anyone);
            messages.Add(new ThreadEventMessage(
                batch.ReflectionId, e.Sequence, e.Kind, post.Id, post.ParentReplyId, post.Depth, html, post.HelpfulCount, batch.ReplyCount, post.Path));
        }
        return (IReadOnlyList<ThreadEventMessage>)messages;
    });

    public async Task<(IReadOnlyList<ThreadEvent> Events, bool TooMany)> AfterAsync(Guid reflectionId, long afterSequence, CancellationToken cancellationToken)
    {
        var events = await db.ThreadEvents.AsNoTracking()
            .Where(e => e.ReflectionId == reflectionId && e.Sequence > afterSequence)
            .OrderBy(e => e.Sequence)
            .Take(MaxCatchUp + 1)
            .ToListAsync(cancellationToken);
        return events.Count > MaxCatchUp ? ([], true) : (events, false);
    }
}
