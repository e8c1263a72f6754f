namespace CoSie.Platform.Web.Features.Discussions.Posts;

// What a write did: the post it wrote (or found), or why it wrote nothing.
public sealed record PostResult(DiscussionOutcome Outcome, Guid? PostId = null, TimeSpan? RetryAfter = null, DateTimeOffset? Until = null)
{
    public static PostResult SuspendedUntil(DateTimeOffset until) => new(DiscussionOutcome.Suspended, Until: until);

    public bool Succeeded => Outcome is DiscussionOutcome.Done or DiscussionOutcome.Duplicate;

    public static PostResult Done(Guid postId) => new(DiscussionOutcome.Done, postId);

    public static PostResult Refused(DiscussionOutcome outcome, Guid? postId = null) => new(outcome, postId);
}
