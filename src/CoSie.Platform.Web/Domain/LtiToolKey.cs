namespace CoSie.Platform.Web.Domain;

// One RSA key pair with which the tool signs its messages to an institution's platforms (deep linking responses,
// service token requests). The newest key without a retirement time signs; a rotated key stays published until it
// retires, so a platform that cached the key set still verifies what was signed just before the rotation.
public sealed class LtiToolKey : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }

    // The `kid` in the key set and in the header of every token signed with it.
    public required string KeyId { get; set; }

    // The public part as a JSON Web Key (kty, kid, alg, use, n, e), published as it is.
    public required string PublicJwk { get; set; }

    // The private key (PKCS#8), encrypted with Data Protection (Lti/Keys/ToolKeyProtector); never leaves the app.
    public required string ProtectedPrivateKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    // Set when a newer key took over signing; published until then.
    public DateTimeOffset? RetiresAt { get; set; }

    public bool IsPublishedAt(DateTimeOffset now) => RetiresAt is not { } retires || retires > now;
}
