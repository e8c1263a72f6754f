namespace CoSie.Platform.Web.Features.Discussions.Posts;

public enum DiscussionOutcome
{
    Done,
    // The same form came twice: nothing new was written, the first post stands.
    Duplicate,
    NotFound,
    NotAllowed,
    Locked,
    ParentDeleted,
    Empty,
    TooLong,
    SlowDown,
    AlreadyWritten,
    EditWindowClosed,
    // A moderator suspended the person from posting in this cohort (PostResult.Until says until when).
    Suspended,
}
