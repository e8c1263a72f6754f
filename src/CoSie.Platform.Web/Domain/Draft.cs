namespace CoSie.Platform.Web.Domain;

// Text a person is still writing: their reflection on a prompt (TargetId is the prompt) or a reply in a thread
// (TargetId is the reflection), one per person and place in a cohort. Kept on the server so that a closed tab or
// another device loses nothing; removed when the post is published.
public sealed class Draft : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid UserId { get; set; }
    public Guid CohortId { get; set; }
    public DraftKind Kind { get; set; }
    public Guid TargetId { get; set; }
    public string Body { get; set; } = string.Empty;
    public DateTimeOffset UpdatedAt { get; set; }
}
