using System.Diagnostics.CodeAnalysis;
using CoSie.Platform.Web.Features.Discussions.Posts;

namespace CoSie.Platform.Web.Features.Discussions.Threads;

// The outcome of a DiscussionAccess check on one thread, with what the thread page needs to show it.
public sealed class ThreadAccess
{
    public AccessVerdict Verdict { get; init; }
    public Viewer? Viewer { get; init; }
    public Reflection? Reflection { get; init; }
    public DiscussionPlace? Place { get; init; }
    public string? AuthorName { get; init; }
    public string? AuthorPicture { get; init; }
    public PostFirstGate Gate { get; init; } = PostFirstGate.NotApplicable;
    public TimeSpan EditWindow { get; init; }

    // Set while a moderator's suspension keeps this person from posting in the cohort.
    public DateTimeOffset? PostingSuspendedUntil { get; init; }
    public long? LastSeenSequence { get; init; }
    public DateTimeOffset? LastVisitAt { get; init; }
    public int OwnRepliesAwaitingApproval { get; init; }
    public bool HasHelpfulMarks { get; init; }

    // What this person hears of the thread (follow, mute); filled for the thread page.
    public ThreadFollowing Following { get; init; }

    // The person's unfinished text here, if they saved one.
    public Drafts.SavedDraft? Draft { get; init; }

    // The person's unread notifications: about this thread, and in the whole institution.
    public int UnreadHere { get; init; }
    public int Unread { get; init; }

    // The thread's module, when its synthesis in the cohort is open for quotes (filled for the thread page).
    public Guid? OpenSynthesisModuleId { get; init; }

    [MemberNotNullWhen(true, nameof(Viewer), nameof(Reflection), nameof(Place))]
    public bool Allowed => Verdict == AccessVerdict.Allowed;

    // Whether a write is refused before its text is looked at (WriteRefusal); when not, the thread is readable.
    [MemberNotNullWhen(false, nameof(Viewer), nameof(Reflection), nameof(Place))]
    public bool RefusesWrite(WriteNeeds needs, [NotNullWhen(true)] out PostResult? refused)
    {
        if (!Allowed)
        {
            refused = WriteRefusal.Unreadable(Verdict);
            return true;
        }
        refused = WriteRefusal.Of(Viewer, PostingSuspendedUntil, needs);
        return refused is not null;
    }

    public static ThreadAccess Refused(AccessVerdict verdict, PostFirstGate? gate = null, DiscussionPlace? place = null) =>
        new() { Verdict = verdict, Gate = gate ?? PostFirstGate.NotApplicable, Place = place };
}
