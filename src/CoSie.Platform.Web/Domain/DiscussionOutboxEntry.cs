namespace CoSie.Platform.Web.Domain;

// What a discussion write leaves to do after its commit, written in the write's own transaction: push a thread event
// to the pages that show the thread, notify the people a new post replies to or mentions, and raise their badges.
// The outbox worker (Features/Discussions/Outbox) does it and deletes the entry in one transaction, so each entry's
// notifications are written once, whichever instance takes it and however often the worker restarts.
public sealed class DiscussionOutboxEntry : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid ReflectionId { get; set; }

    // The thread event to push (ThreadEvent.Sequence), or null when there is none.
    public long? EventSequence { get; set; }

    // The new post to notify about: its author, the author of the post it replies to, and whether to look in its
    // text for @mentions. Null for writes that notify nobody after commit.
    public Guid? PostId { get; set; }
    public Guid? ActorId { get; set; }
    public Guid? RepliedToAuthorId { get; set; }
    public bool FindMentions { get; set; }

    // The post was edited, not written: only the people its text now mentions who were never told of it are notified
    // (not the author it replies to, nor the thread's followers), and it is not announced as published.
    public bool IsEdit { get; set; }

    // People whose notifications the write itself added (moderation): only their badges are pushed.
    public List<Guid> BadgeUserIds { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    // Failed deliveries; an entry that failed MaxAttempts times stays in the table, logged, and is not taken again.
    public int Attempts { get; set; }

    public const int MaxAttempts = 5;
}
