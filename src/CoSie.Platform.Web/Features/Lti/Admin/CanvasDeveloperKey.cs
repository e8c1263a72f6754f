using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoSie.Platform.Web.Features.Lti.Admin;

// The JSON that Canvas takes as a developer key's configuration ("LTI Key", method "Paste JSON"): the tool's addresses,
// the Advantage scopes it will ask for, and where it appears (resource links, and the deep linking pickers).
public static class CanvasDeveloperKey
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Json(ToolAddresses tool, string institutionName)
    {
        JsonObject Placement(string placement) => new()
        {
            ["placement"] = placement,
            ["message_type"] = "LtiDeepLinkingRequest",
            ["target_link_uri"] = tool.Launch,
        };
        var configuration = new JsonObject
        {
            ["title"] = $"CoSie – {institutionName}",
            ["description"] = "Modules and reflection prompts of CoSie.Platform",
            ["oidc_initiation_url"] = tool.Login,
            ["target_link_uri"] = tool.Launch,
            ["public_jwk_url"] = tool.KeySet,
            ["scopes"] = new JsonArray(
                "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
                "https://purl.imsglobal.org/spec/lti-ags/scope/score",
                "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"),
            ["extensions"] = new JsonArray(new JsonObject
            {
                ["platform"] = "canvas.instructure.com",
                // Name and e-mail come with the launch, so an account made at the first launch has them.
                ["privacy_level"] = "public",
                ["domain"] = tool.Domain,
                ["settings"] = new JsonObject
                {
                    ["placements"] = new JsonArray(Placement("link_selection"), Placement("assignment_selection")),
                },
            }),
            ["custom_fields"] = new JsonObject(),
        };
        return configuration.ToJsonString(Indented);
    }
}
