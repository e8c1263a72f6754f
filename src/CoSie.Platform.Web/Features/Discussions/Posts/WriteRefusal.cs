using System.Diagnostics.CodeAnalysis;
using CoSie.Platform.Web.Features.Discussions.Threads;

namespace CoSie.Platform.Web.Features.Discussions.Posts;

// The refusals every write starts with, in one order: the thread or prompt does not exist for this person, they may
// not write here, a moderator has suspended them. ThreadAccess.RefusesWrite and PromptAccess.RefusesWrite apply it.
public static class WriteRefusal
{
    public static PostResult Unreadable(AccessVerdict verdict) =>
        PostResult.Refused(verdict == AccessVerdict.NotFound ? DiscussionOutcome.NotFound : DiscussionOutcome.NotAllowed);

    // An author's change to their own post: refused when the thread has no such post, or when it is someone else's.
    public static bool NotTheAuthors([NotNullWhen(false)] IPost? post, Guid userId, [NotNullWhen(true)] out PostResult? refused)
    {
        refused = post is null ? PostResult.Refused(DiscussionOutcome.NotFound)
            : post.AuthorId != userId ? PostResult.Refused(DiscussionOutcome.NotAllowed)
            : null;
        return refused is not null;
    }

    // Null when the write may go on to check its text.
    public static PostResult? Of(Viewer viewer, DateTimeOffset? suspendedUntil, WriteNeeds needs)
    {
        if (needs.HasFlag(WriteNeeds.Participation) && !viewer.CanParticipate)
        {
            return PostResult.Refused(DiscussionOutcome.NotAllowed);
        }
        return needs.HasFlag(WriteNeeds.NoSuspension) && suspendedUntil is { } until ? PostResult.SuspendedUntil(until) : null;
    }
}
