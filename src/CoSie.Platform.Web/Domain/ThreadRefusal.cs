namespace CoSie.Platform.Web.Domain;

// Why a thread refuses a reply; None when it accepts it.
public enum ThreadRefusal
{
    None = 0,
    Locked = 1,
    ParentNotInThread = 2,
    ParentDeleted = 3,
}
