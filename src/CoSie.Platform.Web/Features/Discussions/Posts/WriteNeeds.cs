namespace CoSie.Platform.Web.Features.Discussions.Posts;

// What a write asks of the person beyond reading the thread or prompt.
[Flags]
public enum WriteNeeds
{
    // Reading is enough: deleting one's own post.
    Reading = 0,
    // A learner or instructor of the cohort; observers and admins outside it only read.
    Participation = 1,
    // No moderator's suspension in force.
    NoSuspension = 2,
}
