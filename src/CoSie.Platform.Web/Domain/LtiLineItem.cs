namespace CoSie.Platform.Web.Domain;

// The LMS gradebook column (an AGS line item) of one prompt in one LMS course, found by its resourceId or made by the
// tool; scores of the prompt go to its URL.
public sealed class LtiLineItem : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid LtiContextId { get; set; }
    public Guid PromptId { get; set; }
    public required string Url { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
