namespace CoSie.Platform.Web.Domain;

public sealed class CohortMember : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid CohortId { get; set; }
    public Guid UserId { get; set; }
    public CohortRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; set; }

    public bool Moderates => Role == CohortRole.Instructor;
}
