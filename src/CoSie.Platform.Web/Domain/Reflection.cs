namespace CoSie.Platform.Web.Domain;

// A member's answer to one prompt in one cohort, and the root of the thread its replies form. Every write to the
// thread goes through Record, which numbers the change and bumps ThreadVersion (the key of the cached thread).
public sealed class Reflection : ITenantOwned, IPost
{
    public const int MaxBodyLength = 10_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid CohortId { get; set; }
    public Guid PromptId { get; set; }

    // Null once the author's account is deleted: the post stays, by "deleted user".
    public Guid? AuthorId { get; set; }
    public string BodySource { get; set; } = string.Empty;
    public string BodyHtml { get; set; } = string.Empty;
    public PostStatus Status { get; set; } = PostStatus.Visible;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }

    // Why a moderator hid the post; its author reads it under the placeholder.
    public string? HiddenReason { get; set; }

    public long ThreadVersion { get; set; }
    public long LastEventSequence { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    public bool IsLocked { get; set; }
    public string? LockReason { get; set; }

    // Pinned reflections lead their prompt's list, most recently pinned first.
    public bool IsPinned { get; set; }
    public DateTimeOffset? PinnedAt { get; set; }

    public int ReplyCount { get; set; }
    public int HelpfulCount { get; set; }

    // How many direct replies were ever added: the next one's position in the tree.
    public int ChildCount { get; set; }

    public bool IsDeleted => Status == PostStatus.Deleted;

    public bool IsPublished => Status is PostStatus.Visible or PostStatus.HiddenByModerator;

    public ThreadEvent Record(ThreadEventKind kind, Guid postId, DateTimeOffset now)
    {
        LastEventSequence++;
        ThreadVersion++;
        LastActivityAt = now;
        return new ThreadEvent { ReflectionId = Id, Sequence = LastEventSequence, Kind = kind, PostId = postId, CreatedAt = now };
    }

    // The rule of a reply: an open thread, and a parent of this thread that still stands.
    public ThreadRefusal RefusesReplyTo(Reply? parent)
    {
        if (IsLocked)
        {
            return ThreadRefusal.Locked;
        }
        if (parent is null)
        {
            return IsDeleted ? ThreadRefusal.ParentDeleted : ThreadRefusal.None;
        }
        if (parent.ReflectionId != Id)
        {
            return ThreadRefusal.ParentNotInThread;
        }
        return parent.IsDeleted ? ThreadRefusal.ParentDeleted : ThreadRefusal.None;
    }

    public Reply AddReply(Reply? parent, Guid authorId, string source, string html, DateTimeOffset now)
    {
        if (RefusesReplyTo(parent) is var refusal && refusal != ThreadRefusal.None)
        {
            throw new InvalidOperationException($"The thread refuses this reply: {refusal}.");
        }
        var position = parent is null ? ++ChildCount : ++parent.ChildCount;
        ReplyCount++;
        return new Reply
        {
            ReflectionId = Id,
            ParentReplyId = parent?.Id,
            Path = (parent?.Path ?? string.Empty) + Reply.PathSegment(position),
            Depth = parent is null ? 0 : parent.Depth + 1,
            AuthorId = authorId,
            BodySource = source,
            BodyHtml = html,
            CreatedAt = now,
        };
    }

    Guid IPost.ThreadId => Id;
}
