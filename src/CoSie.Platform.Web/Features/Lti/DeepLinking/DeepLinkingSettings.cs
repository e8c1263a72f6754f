using System.Text.Json;

namespace CoSie.Platform.Web.Features.Lti.DeepLinking;

// The deep_linking_settings claim of an LtiDeepLinkingRequest (LTI Deep Linking 2.0, section 4.4.1), with the request's
// deployment, which the answer names again.
// WantsLineItem: the platform accepts a lineItem with each link (accept_lineitem) and offered this request the
// Assignment and Grade Services with the line item scope, so the columns it makes can receive scores.
public sealed record DeepLinkingSettings(string DeploymentId, string? ReturnUrl, IReadOnlyList<string> AcceptTypes, bool AcceptMultiple, string? Data,
    bool WantsLineItem = false)
{
    public const string Claim = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    public const string RequestMessage = "LtiDeepLinkingRequest";
    public const string ResponseMessage = "LtiDeepLinkingResponse";
    public const string ResourceLink = "ltiResourceLink";

    public bool AcceptsResourceLinks => AcceptTypes.Contains(ResourceLink, StringComparer.Ordinal);

    public static DeepLinkingSettings Read(JsonElement payload)
    {
        var deploymentId = Launch.LaunchClaims.Property(payload, Launch.LaunchClaims.DeploymentId) ?? string.Empty;
        if (!payload.TryGetProperty(Claim, out var settings) || settings.ValueKind != JsonValueKind.Object)
        {
            return new(deploymentId, null, [], false, null);
        }
        var returnUrl = Launch.LaunchClaims.Property(settings, "deep_link_return_url");
        var acceptMultiple = True(settings, "accept_multiple");
        var grades = payload.TryGetProperty(Services.Advantage.EndpointClaim, out var ags) && ags.ValueKind == JsonValueKind.Object
            && Launch.LaunchClaims.Strings(ags, "scope").Contains(Services.Advantage.LineItemScope, StringComparer.Ordinal);
        var data = settings.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        return new(deploymentId, returnUrl, Launch.LaunchClaims.Strings(settings, "accept_types"), acceptMultiple, data,
            grades && True(settings, "accept_lineitem"));
    }

    private static bool True(JsonElement settings, string name) => settings.TryGetProperty(name, out var value)
        && (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.String && value.GetString() == "true"));
}
