namespace CoSie.Platform.Web.Features.Discussions.Threads;

// What differs per person on a thread page: their marks, what they may do, what is new to them, and for moderators
// the posts with open flags.
public sealed record PersonalView(
    Guid? UserId,
    bool CanParticipate,
    bool IsModerator,
    bool ThreadOpen,
    IReadOnlySet<Guid> HelpfulMarks,
    DateTimeOffset? LastVisitAt,
    DateTimeOffset Now,
    TimeSpan EditWindow,
    string? ThreadUrl,
    IReadOnlyDictionary<Guid, int>? OpenFlags = null,
    string? SynthesisUrl = null)
{
    // What a live push carries: the actions anyone who may reply sees, nothing personal.
    public static PersonalView Anyone(DateTimeOffset now) =>
        new(null, true, false, true, new HashSet<Guid>(), null, now, TimeSpan.Zero, null);
}
