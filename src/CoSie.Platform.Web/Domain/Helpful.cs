namespace CoSie.Platform.Web.Domain;

// One person's "helpful" on one post (a reflection or a reply); unique per (post, person).
public sealed class Helpful : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid ReflectionId { get; set; }
    public Guid PostId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
