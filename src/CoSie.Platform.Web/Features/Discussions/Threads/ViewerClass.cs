namespace CoSie.Platform.Web.Features.Discussions.Threads;

// The two ways a thread can look: readers see hidden posts as a placeholder, moderators see them in full.
public enum ViewerClass
{
    Reader,
    Moderator,
}
