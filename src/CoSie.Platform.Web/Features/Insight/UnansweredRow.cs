namespace CoSie.Platform.Web.Features.Insight;

// A reflection nobody else has replied to.
public sealed class UnansweredRow
{
    public Guid ReflectionId { get; set; }
    public string AuthorName { get; set; } = string.Empty;
    public string PromptText { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
}
