namespace CoSie.Platform.Web.Domain;

// The last participation score of one member on one prompt of an LMS course, and how sending it to the LMS went.
public sealed class LtiScore : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid LtiContextId { get; set; }
    public Guid PromptId { get; set; }
    public Guid UserId { get; set; }
    public LtiScoreStatus Status { get; set; }
    public int ScoreGiven { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
