namespace CoSie.Platform.Web.Domain;

// A deep linking request of a platform (LTI Deep Linking 2.0), kept while the instructor picks what to link: its
// deep_linking_settings stay here, on the server, under a one-time id, so the picker's form carries nothing the
// answer would have to trust but that id.
public sealed class LtiDeepLinkingRequest : ITenantOwned
{
    public required string Id { get; set; }
    public Guid InstitutionId { get; set; }
    public Guid PlatformId { get; set; }
    public required string DeploymentId { get; set; }

    // Where the answer goes (deep_link_return_url), and the opaque `data` it must echo.
    public required string ReturnUrl { get; set; }
    public string? Data { get; set; }

    // Whether the platform takes more than one item at once.
    public bool AcceptMultiple { get; set; }

    // Whether each link carries a gradebook column: the platform accepts line items and offered AGS to this request.
    public bool WantsLineItem { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
