namespace CoSie.Platform.Web.Domain;

public enum PostStatus
{
    Visible = 0,
    // The author deleted it: the row stays so that its replies keep their place, its text is gone.
    Deleted = 1,
    // A moderator hid it: readers see a placeholder, moderators the text.
    HiddenByModerator = 2,
    // Pre-approval: only its author and the cohort's moderators see it until a moderator approves it.
    AwaitingApproval = 3,
}
