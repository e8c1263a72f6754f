namespace CoSie.Platform.Web.Features.Discussions;

// Where a learner stands with the post-first rule of one prompt: not posted, posted and waiting until OpensAt,
// or open. Not held back at all when the cohort has no post-first rule or the viewer is not a learner. OpensOnPosting:
// the cohort opens the peers' reflections as soon as one's own is posted, not once its edit window has passed.
public sealed record PostFirstGate(bool Applies, DateTimeOffset? OwnPostedAt, DateTimeOffset? OpensAt, bool IsOpen, bool OpensOnPosting = false)
{
    public static readonly PostFirstGate NotApplicable = new(false, null, null, true);

    public bool HasPosted => OwnPostedAt is not null;

    public static PostFirstGate For(bool applies, DateTimeOffset? ownPostedAt, bool revealOnPost, TimeSpan editWindow, DateTimeOffset now)
    {
        if (!applies)
        {
            return NotApplicable;
        }
        if (ownPostedAt is not { } posted)
        {
            return new PostFirstGate(true, null, null, false, revealOnPost);
        }
        // The window closes the loophole of posting a placeholder, reading the others and rewriting it.
        var opensAt = revealOnPost ? posted : posted + editWindow;
        return new PostFirstGate(true, posted, opensAt, now >= opensAt, revealOnPost);
    }
}
