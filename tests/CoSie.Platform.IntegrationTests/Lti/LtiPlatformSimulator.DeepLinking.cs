using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoSie.Platform.IntegrationTests.Lti;

// The LMS's side of LTI Deep Linking 2.0: the id_token of an LtiDeepLinkingRequest, with its deep_linking_settings, and
// the return URL that receives the tool's LtiDeepLinkingResponse and checks it against the tool's key set, as the LMS
// would before it makes the links.
public sealed partial class LtiPlatformSimulator
{
    public const string DeepLinkingData = "opaque-data-of-the-lms-42";
    private const string DeepLinking = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    public string DeepLinkReturnUrl => Issuer + "/mod/lti/contentitem_return.php";

    // The tool's key set as the LMS fetched it from the tool's keyset URL; the test hands it over, because the tool
    // runs in memory where this listener cannot reach it.
    public string? ToolKeySetJson { get; set; }

    public List<DeepLinkingAnswer> DeepLinkingAnswers { get; } = [];

    private void MapDeepLinking(WebApplication app) =>
        app.MapPost("/mod/lti/contentitem_return.php", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var answer = await CheckDeepLinkingResponseAsync(form["JWT"].ToString());
            DeepLinkingAnswers.Add(answer);
            return answer.Error is null ? Results.Text("Links added") : Results.BadRequest(answer.Error);
        });

    // A login whose target link is the given address of the tool (an HTTPS one, say), for launches that must match it.
    public async Task<Dictionary<string, string>> LoginToAsync(HttpClient browser, string institutionSlug, string launchUrl)
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["iss"] = Issuer,
            ["login_hint"] = "hint-42",
            ["target_link_uri"] = launchUrl,
            ["client_id"] = ClientId,
            ["lti_deployment_id"] = DeploymentId,
        });
        using var response = await browser.GetAsync($"/{institutionSlug}/lti/login{query}");
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The login initiation answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    // The claims of a deep linking request (Deep Linking 2.0, 4.4): no resource link, and the settings of the picker.
    // With lineItems, the LMS accepts a gradebook column with each link and offers the grade services (AGS).
    public void AsDeepLinkingRequest(Dictionary<string, object> claims, string[]? acceptTypes = null, bool acceptMultiple = false, bool lineItems = false)
    {
        claims[Lti + "message_type"] = "LtiDeepLinkingRequest";
        claims.Remove(Lti + "resource_link");
        claims[DeepLinking + "deep_linking_settings"] = new Dictionary<string, object>
        {
            ["deep_link_return_url"] = DeepLinkReturnUrl,
            ["accept_types"] = acceptTypes ?? ["ltiResourceLink", "link"],
            ["accept_presentation_document_targets"] = new[] { "iframe", "window" },
            ["accept_multiple"] = acceptMultiple,
            ["auto_create"] = true,
            ["data"] = DeepLinkingData,
            ["accept_lineitem"] = lineItems,
        };
        if (lineItems)
        {
            AddServiceClaims(claims, "context-1");
        }
    }

    // The instructor adds the tool's content in the LMS: login, then the deep linking request posted to the tool.
    public async Task<HttpResponseMessage> DeepLinkAsync(HttpClient browser, string institutionSlug, LaunchPerson person, DateTimeOffset now,
        string[]? acceptTypes = null, bool acceptMultiple = false, bool lineItems = false)
    {
        var authentication = await LoginAsync(browser, institutionSlug);
        var token = IdToken(authentication["nonce"], person, now, claims => AsDeepLinkingRequest(claims, acceptTypes, acceptMultiple, lineItems));
        return await PostLaunchAsync(browser, institutionSlug, token, authentication["state"]);
    }

    // What the LMS checks of a deep linking response before it makes links of it (Deep Linking 2.0, 4.5).
    private async Task<DeepLinkingAnswer> CheckDeepLinkingResponseAsync(string jwt)
    {
        if (ToolKeySetJson is null)
        {
            return new(null, "the tool's key set is unknown");
        }
        var validated = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = ClientId,
            ValidAudience = Issuer,
            IssuerSigningKeys = new JsonWebKeySet(ToolKeySetJson).GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            TryAllIssuerSigningKeys = false,
            // The tool runs on the tests' clock; the LMS checks that the times are there.
            ValidateLifetime = false,
        });
        if (!validated.IsValid)
        {
            return new(null, validated.Exception?.GetType().Name ?? "invalid");
        }
        var token = (JsonWebToken)validated.SecurityToken;
        using var document = JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload));
        var payload = document.RootElement.Clone();
        string? Text(string name) => payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var error = string.IsNullOrEmpty(token.Kid) ? "no kid"
            : Text(Lti + "message_type") != "LtiDeepLinkingResponse" ? "message type"
            : Text(Lti + "version") != "1.3.0" ? "version"
            : Text(Lti + "deployment_id") != DeploymentId ? "deployment"
            : Text("nonce") is null ? "nonce"
            : !payload.TryGetProperty("iat", out _) || !payload.TryGetProperty("exp", out _) ? "times"
            : Text(DeepLinking + "data") != DeepLinkingData ? "data"
            : null;
        return new(payload, error);
    }
}

// A deep linking response as the LMS received it: its payload, and what was wrong with it if anything.
public sealed record DeepLinkingAnswer(JsonElement? Payload, string? Error)
{
    public IReadOnlyList<JsonElement> ContentItems =>
        Payload is { } payload && payload.TryGetProperty("https://purl.imsglobal.org/spec/lti-dl/claim/content_items", out var items)
            ? [.. items.EnumerateArray()] : [];
}
