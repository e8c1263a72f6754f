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
            ["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] = choices.Select(c => Item(c, request, launchUrl)).ToArray(),
        };
        if (request.Data is { } data)
        {
            claims["https://purl.imsglobal.org/spec/lti-dl/claim/data"] = data;
        }
        return await keys.SignAsync(new SecurityTokenDescriptor { Claims = claims }, cancellationToken);
    }

    // A prompt's link carries its gradebook column when the platform wants one (Deep Linking 2.0, 3.4.1): out of 100,
    // with the prompt's id as resourceId, so the scores sent later find the column the platform made (LineItems). A
    // module's link has no column: participation is graded per prompt, and a module's column would never get a score.
    private static Dictionary<string, object> Item(DeepLinkingChoice choice, LtiDeepLinkingRequest request, string launchUrl)
    {
        var title = choice.Title.Length > 200 ? choice.Title[..200] : choice.Title;
        var item = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["type"] = DeepLinkingSettings.ResourceLink,
            ["title"] = title,
            ["url"] = launchUrl,
            ["custom"] = choice.Custom(),
        };
        if (request.WantsLineItem && choice.PromptId is { } promptId)
        {
            item["lineItem"] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["label"] = title,
                ["scoreMaximum"] = Services.ParticipationScore.Maximum,
                ["resourceId"] = promptId.ToString(),
                ["tag"] = Services.LineItems.Tag,
            };
        }
        return item;
    }
}
