namespace CoSie.Platform.Web.Domain;

// A nonce the tool gave a platform at a login initiation: the launch that follows must carry it, and uses it up.
public sealed class LtiNonce : ITenantOwned
{
    public required string Value { get; set; }
    public Guid InstitutionId { get; set; }
    public Guid PlatformId { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
