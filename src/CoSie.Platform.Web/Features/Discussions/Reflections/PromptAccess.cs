using System.Diagnostics.CodeAnalysis;
using CoSie.Platform.Web.Features.Discussions.Posts;
using CoSie.Platform.Web.Features.Discussions.Threads;

namespace CoSie.Platform.Web.Features.Discussions.Reflections;

// The outcome of a DiscussionAccess check on a cohort's prompt: who is looking and whether they see their peers.
public sealed class PromptAccess
{
    public AccessVerdict Verdict { get; init; }
    public Viewer? Viewer { get; init; }
    public DiscussionPlace? Place { get; init; }
    public PostFirstGate Gate { get; init; } = PostFirstGate.NotApplicable;
    public Guid? OwnReflectionId { get; init; }
    public TimeSpan EditWindow { get; init; }

    // Set while a moderator's suspension keeps this person from posting in the cohort.
    public DateTimeOffset? PostingSuspendedUntil { get; init; }
    public bool PostFirst { get; init; }
    public bool RevealOnPost { get; init; }

    // The person's unfinished text here, if they saved one.
    public Drafts.SavedDraft? Draft { get; init; }

    // The person's unread notifications in the institution, for the header's badge.
    public int Unread { get; init; }

    [MemberNotNullWhen(true, nameof(Viewer), nameof(Place))]
    public bool Allowed => Verdict is AccessVerdict.Allowed or AccessVerdict.HeldBack;

    // A held-back learner still opens the prompt page (to write), but sees no peer's reflection.
    public bool SeesPeers => Verdict == AccessVerdict.Allowed;

    // Whether a write is refused before its text is looked at (WriteRefusal). A held-back learner may write.
    [MemberNotNullWhen(false, nameof(Viewer), nameof(Place))]
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

    public static PromptAccess Refused(AccessVerdict verdict) => new() { Verdict = verdict };
}
