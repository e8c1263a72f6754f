namespace CoSie.Platform.Web.Features.Moderation;

public enum ModerationOutcome
{
    Done,
    // The post (or thread, or member) is already in that state: nothing was written, nothing logged.
    NoChange,
    // Another institution's, or nothing at all: indistinguishable on purpose.
    NotFound,
    // Not a moderator of this cohort, or (for purging) not an institution admin.
    Forbidden,
    ReasonRequired,
    ReasonTooLong,
    // Purging asks for an explicit confirmation.
    NotConfirmed,
    // Input the action cannot work with (an empty edit, a suspension that ends before it starts, ...).
    Invalid,
}
