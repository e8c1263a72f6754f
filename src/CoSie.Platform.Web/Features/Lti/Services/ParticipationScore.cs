using CoSie.Platform.Web.Features.Discussions.Progress;

namespace CoSie.Platform.Web.Features.Lti.Services;

// The grade of a member's participation in one prompt, out of 100: their reflection is half, and replies to peers'
// reflections up to the cohort's participation expectation the other half. Whether the expectation is met is the
// progress page's own rule (PromptProgress.Meets); a cohort expecting no replies gives the full grade for the reflection.
public sealed record ParticipationScore(int Given, bool Complete)
{
    public const int Maximum = 100;

    public static ParticipationScore Of(PromptProgress progress, int expectedPeerReplies)
    {
        if (!progress.Answered)
        {
            return new(0, false);
        }
        if (progress.Meets(expectedPeerReplies))
        {
            return new(Maximum, true);
        }
        return new(Maximum / 2 + Maximum / 2 * progress.PeersRepliedTo / expectedPeerReplies, false);
    }

    public string ActivityProgress => Complete ? "Completed" : Given > 0 ? "InProgress" : "Initialized";

    public string GradingProgress => Complete ? "FullyGraded" : "Pending";
}
