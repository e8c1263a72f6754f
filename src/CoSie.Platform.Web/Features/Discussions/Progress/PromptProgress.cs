namespace CoSie.Platform.Web.Features.Discussions.Progress;

// One person's part in one prompt's discussion in one cohort: their reflection, the replies it has drawn, and the
// peers' reflections they replied to.
public sealed record PromptProgress(Guid? ReflectionId, int PeersRepliedTo, int RepliesReceived = 0)
{
    public static readonly PromptProgress None = new(null, 0);

    public bool Answered => ReflectionId is not null;

    public bool Meets(int expectedPeerReplies) => Answered && PeersRepliedTo >= expectedPeerReplies;
}
