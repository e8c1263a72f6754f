namespace CoSie.Platform.Web.Domain;

// One member's support of a proposal; unique per (proposal, person), and never the author's own.
public sealed class ProposalSupport : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid ProposalId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
