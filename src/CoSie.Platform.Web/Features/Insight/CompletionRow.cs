namespace CoSie.Platform.Web.Features.Insight;

// Of one prompt: how many learners answered it, and how many of them also replied to enough peers.
public sealed class CompletionRow
{
    public Guid PromptId { get; set; }
    public int Answered { get; set; }
    public int Complete { get; set; }
}
