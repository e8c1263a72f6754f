namespace CoSie.Platform.Web.Features.Discussions.Threads;

// The per-person places in a cached thread: a "new" mark after a post's header, its actions after its body.
public enum SlotKind
{
    NewMark,
    Actions,
}
