namespace CoSie.Platform.Web.Domain;

// A learning platform (Moodle, Canvas, Brightspace) registered by an institution to launch into it over LTI 1.3. The
// same LMS registered by two institutions is two registrations: a launch reaches only the institution in whose
// address it arrives, and only through a registration of that institution.
public sealed class LtiPlatform : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public required string DisplayName { get; set; }

    // The platform's `iss`; with the client id it names the registration (unique within an institution).
    public required string Issuer { get; set; }
    public required string ClientId { get; set; }

    // The deployments of this tool in the platform whose launches are accepted (`deployment_id`).
    public List<string> DeploymentIds { get; set; } = [];

    // The platform's OIDC authorization endpoint, where the tool sends the browser back after a login initiation.
    public required string AuthenticationUrl { get; set; }

    // The platform's OAuth 2 token endpoint, for the Advantage services.
    public required string TokenUrl { get; set; }

    // The platform's public keys (JWKS), against which its id_tokens are checked.
    public required string KeySetUrl { get; set; }

    // The https origin from which the LMS frames the tool, when that is not the origin of the issuer or of the
    // authentication request URL (Canvas Cloud: the school's own Canvas address). Null for most platforms.
    public string? FramingOrigin { get; set; }

    public bool IsEnabled { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool HasDeployment(string? deploymentId) =>
        deploymentId is not null && DeploymentIds.Contains(deploymentId, StringComparer.Ordinal);

    // One id per line (or separated by commas or spaces), without duplicates, in the order given.
    public static List<string> ParseDeploymentIds(string? text) =>
        [.. (text ?? string.Empty).Split(['\n', '\r', ',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)];
}
