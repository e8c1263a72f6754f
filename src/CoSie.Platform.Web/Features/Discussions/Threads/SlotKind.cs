namespace CoSie.Platform.Web.Features.Discussions.Threads;

// The per-person places in a cached thread: marks after a post's header ("yours", "new", open flags for moderators),
// its actions after its body.
public enum SlotKind
{
    Marks,
    Actions,
}
