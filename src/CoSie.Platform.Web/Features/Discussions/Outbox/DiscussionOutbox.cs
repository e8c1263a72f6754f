using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Discussions.Outbox;

// The one way a discussion write hands on what follows its commit (pushes, notifications, badges): Add puts an entry
// in the write's own unit of work, Committed wakes this instance's worker once the transaction is in. An entry whose
// wake is lost (a crash between commit and wake, or a write on another instance) is found by the worker's poll.
public sealed class DiscussionOutbox(PlatformDbContext db, OutboxSignal signal, TenantContext tenant, TimeProvider clock)
{
    private bool _added;

    // A thread event to push to the thread's pages, and, for a new post, whom to notify of it.
    public void Add(ThreadEvent threadEvent, NewPostNotice? notice = null, IReadOnlyCollection<Guid>? badges = null) =>
        Add(threadEvent.ReflectionId, threadEvent.Sequence, notice, badges);

    // Badges only: people the write notified itself, with no thread event to push.
    public void AddBadges(Guid reflectionId, IReadOnlyCollection<Guid> badges)
    {
        if (badges.Count > 0)
        {
            Add(reflectionId, null, null, badges);
        }
    }

    public void Committed()
    {
        if (_added)
        {
            _added = false;
            signal.Wake(tenant.Required.Id);
        }
    }

    // The entry of a write that inserts it by itself, in the statement that numbers its event (ThreadPlaces, which
    // fills in the sequence); Committed wakes the worker as for the others.
    public DiscussionOutboxEntry ForStatement(Guid reflectionId, NewPostNotice? notice)
    {
        _added = true;
        return Entry(reflectionId, null, notice, null);
    }

    private void Add(Guid reflectionId, long? sequence, NewPostNotice? notice, IReadOnlyCollection<Guid>? badges)
    {
        db.DiscussionOutbox.Add(Entry(reflectionId, sequence, notice, badges));
        _added = true;
    }

    private DiscussionOutboxEntry Entry(Guid reflectionId, long? sequence, NewPostNotice? notice, IReadOnlyCollection<Guid>? badges) =>
        new()
        {
            ReflectionId = reflectionId,
            EventSequence = sequence,
            PostId = notice?.PostId,
            ActorId = notice?.ActorId,
            RepliedToAuthorId = notice?.RepliedToAuthorId,
            FindMentions = notice?.FindMentions ?? false,
            IsEdit = notice?.Edited ?? false,
            BadgeUserIds = badges?.Distinct().ToList() ?? [],
            CreatedAt = clock.GetUtcNow(),
        };
}

// A new post to notify people of after commit: the author of the post it answers, and whoever it @mentions. An edited
// post (ForEdit) notifies only those its new text mentions for the first time.
public sealed record NewPostNotice(Guid PostId, Guid ActorId, Guid? RepliedToAuthorId, bool FindMentions, bool Edited = false)
{
    public static NewPostNotice ForEdit(Guid postId, Guid authorId) => new(postId, authorId, null, FindMentions: true, Edited: true);
}
