namespace CoSie.Platform.Web.Features.Moderation;

// A post in a review queue, with enough around it to judge it: its prompt, its cohort, its thread, and its flags.
public sealed record QueueItem(
    Guid CohortId,
    string CohortName,
    Guid ReflectionId,
    Guid PostId,
    string PromptText,
    string? AuthorName,
    PostStatus Status,
    string BodyHtml,
    DateTimeOffset CreatedAt,
    IReadOnlyList<QueueFlag> Flags)
{
    public bool IsReflection => PostId == ReflectionId;
}
