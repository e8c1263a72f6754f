namespace CoSie.Platform.Web.Domain;

public enum ModerationActionKind
{
    Hide = 0,
    Restore = 1,
    Lock = 2,
    Unlock = 3,
    Pin = 4,
    Unpin = 5,
    Edit = 6,
    Purge = 7,
    Suspend = 8,
    LiftSuspension = 9,
    Approve = 10,
    DismissFlags = 11,
    // The flag threshold was reached: no person acted, the institution's setting did.
    AutoHide = 12,
    // An instructor reminded a member of a prompt (Features/Insight).
    Reminder = 13,
}
