namespace CoSie.Platform.Web.Features.Discussions.Progress;

// A viewer's cohorts of a course, each with their progress per prompt: what the module page shows.
public sealed record CohortPromptProgress(Guid CohortId, string CohortName, int ExpectedPeerReplies, IReadOnlyDictionary<Guid, PromptProgress> ByPrompt)
{
    public PromptProgress For(Guid promptId) => ByPrompt.GetValueOrDefault(promptId) ?? PromptProgress.None;
}
