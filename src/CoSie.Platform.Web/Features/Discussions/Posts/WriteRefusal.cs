using CoSie.Platform.Web.Features.Discussions.Threads;

namespace CoSie.Platform.Web.Features.Discussions.Posts;

// The refusals every write starts with, in one order: the thread or prompt does not exist for this person, they may
// not write here, a moderator has suspended them. ThreadAccess.RefusesWrite and PromptAccess.RefusesWrite apply it.
public static class WriteRefusal
{
    public static PostResult Unreadable(AccessVerdict verdict) =>
        PostResult.Refused(verdict == AccessVerdict.NotFound ? DiscussionOutcome.NotFound : DiscussionOutcome.NotAllowed);

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
