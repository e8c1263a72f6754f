using CoSie.Platform.Web.Features.Lti.Keys;
using CoSie.Platform.Web.Features.Lti.Launch;
using Microsoft.IdentityModel.Tokens;

namespace CoSie.Platform.Web.Features.Lti.DeepLinking;

// The LtiDeepLinkingResponse (LTI Deep Linking 2.0, section 4.5) for the instructor's choice: a JWT from the tool (iss
// is the client id the platform gave it) to the platform (aud is its issuer), signed with the institution's current
// tool key, whose kid is in the header so the platform finds it in the tool's key set. Each chosen item is an
// ltiResourceLink to this institution's launch address, with the custom parameters the launch reads.
public sealed class DeepLinkingResponse(ToolKeys keys, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<string> SignAsync(LtiPlatform platform, LtiDeepLinkingRequest request, IReadOnlyList<DeepLinkingChoice> choices,
        string launchUrl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["iss"] = platform.ClientId,
            ["aud"] = platform.Issuer,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + Lifetime).ToUnixTimeSeconds(),
            ["nonce"] = LaunchState.NewNonce(),
            [LaunchClaims.DeploymentId] = request.DeploymentId,
            [LaunchClaims.MessageType] = DeepLinkingSettings.ResponseMessage,
            [LaunchClaims.Version] = "1.3.0",
            ["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] = choices.Select(c => new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["type"] = DeepLinkingSettings.ResourceLink,
                ["title"] = c.Title.Length > 200 ? c.Title[..200] : c.Title,
                ["url"] = launchUrl,
                ["custom"] = c.Custom(),
            }).ToArray(),
        };
        if (request.Data is { } data)
        {
            claims["https://purl.imsglobal.org/spec/lti-dl/claim/data"] = data;
        }
        return await keys.SignAsync(new SecurityTokenDescriptor { Claims = claims }, cancellationToken);
    }
}
