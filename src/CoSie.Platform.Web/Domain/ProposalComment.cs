namespace CoSie.Platform.Web.Domain;

// A short remark under a proposal: a flat list, oldest first.
public sealed class ProposalComment : ITenantOwned
{
    public const int MaxLength = 1_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid ProposalId { get; set; }
    public Guid? AuthorId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool IsHidden { get; set; }
}
