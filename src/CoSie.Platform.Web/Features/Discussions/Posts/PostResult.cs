namespace CoSie.Platform.Web.Features.Discussions.Posts;

// What a write did: the post it wrote (or found), or why it wrote nothing.
public sealed record PostResult(DiscussionOutcome Outcome, Guid? PostId = null, TimeSpan? RetryAfter = null, DateTimeOffset? Until = null)
{
    public static PostResult SuspendedUntil(DateTimeOffset until) => new(DiscussionOutcome.Suspended, Until: until);

    public bool Succeeded => Outcome is DiscussionOutcome.Done or DiscussionOutcome.Duplicate;

    public static PostResult Done(Guid postId) => new(DiscussionOutcome.Done, postId);

    public static PostResult Refused(DiscussionOutcome outcome, Guid? postId = null) => new(outcome, postId);

    // The status a page answers a refused write with, as ModerationResult does for moderation.
    public int StatusCode => Outcome switch
    {
        DiscussionOutcome.Done or DiscussionOutcome.Duplicate => StatusCodes.Status200OK,
        DiscussionOutcome.NotFound => StatusCodes.Status404NotFound,
        DiscussionOutcome.NotAllowed or DiscussionOutcome.Suspended => StatusCodes.Status403Forbidden,
        DiscussionOutcome.SlowDown => StatusCodes.Status429TooManyRequests,
        DiscussionOutcome.Locked or DiscussionOutcome.ParentDeleted or DiscussionOutcome.EditWindowClosed => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
