namespace CoSie.Platform.Web.Domain;

public sealed class InstitutionMembership : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid UserId { get; set; }
    public InstitutionRole Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public bool Grants(InstitutionRole required) => Role >= required;
}
