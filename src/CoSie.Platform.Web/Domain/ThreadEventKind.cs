namespace CoSie.Platform.Web.Domain;

public enum ThreadEventKind
{
    ReflectionPosted = 0,
    ReplyPosted = 1,
    PostEdited = 2,
    PostDeleted = 3,
    HelpfulChanged = 4,
    PostHidden = 5,
    PostRestored = 6,
    PostApproved = 7,
    ThreadLocked = 8,
    ThreadUnlocked = 9,
    ReflectionPinned = 10,
    ReflectionUnpinned = 11,
    PostPurged = 12,
}
