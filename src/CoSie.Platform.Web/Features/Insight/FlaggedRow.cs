namespace CoSie.Platform.Web.Features.Insight;

// A thread with flags no moderator has resolved yet.
public sealed class FlaggedRow
{
    public Guid ReflectionId { get; set; }
    public string PromptText { get; set; } = string.Empty;
    public int OpenFlags { get; set; }
}
