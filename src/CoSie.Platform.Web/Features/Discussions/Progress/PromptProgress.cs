namespace CoSie.Platform.Web.Features.Discussions.Progress;

// One person's part in one prompt's discussion in one cohort.
public sealed record PromptProgress(Guid? ReflectionId, int PeersRepliedTo)
{
    public static readonly PromptProgress None = new(null, 0);

    public bool Answered => ReflectionId is not null;

    public bool Meets(int expectedPeerReplies) => Answered && PeersRepliedTo >= expectedPeerReplies;
}
