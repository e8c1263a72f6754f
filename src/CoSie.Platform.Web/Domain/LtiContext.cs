namespace CoSie.Platform.Web.Domain;

// An LMS course (an LTI context) of a registration and the cohort its launches land in, made at its first launch.
public sealed class LtiContext : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid PlatformId { get; set; }
    public required string ContextId { get; set; }
    public Guid CohortId { get; set; }
    public string? Title { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
