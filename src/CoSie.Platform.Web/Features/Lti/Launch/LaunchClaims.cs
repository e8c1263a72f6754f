using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoSie.Platform.Web.Features.Lti.Launch;

// What a validated LtiResourceLinkRequest says, read from its claims (1EdTech LTI 1.3 core, section 5).
public sealed record LaunchClaims(
    string Subject, string? Name, string? Email, bool Instructs, bool Learns,
    string? ContextId, string? ContextTitle, string? ResourceLinkId, string? Course, string? Module, string? Prompt)
{
    public const string Claim = "https://purl.imsglobal.org/spec/lti/claim/";
    public const string MessageType = Claim + "message_type";
    public const string Version = Claim + "version";
    public const string DeploymentId = Claim + "deployment_id";
    public const string Roles = Claim + "roles";
    public const string Context = Claim + "context";
    public const string ResourceLink = Claim + "resource_link";
    public const string Custom = Claim + "custom";
    public const string TargetLinkUri = Claim + "target_link_uri";

    // Full role URIs only (the short forms are deprecated): the institution roles and the context roles of the
    // membership vocabulary, with their sub-roles.
    private static readonly string[] InstructorRoles =
    [
        "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
        "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
        "http://purl.imsglobal.org/vocab/lis/v2/membership#TeachingAssistant",
        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor",
    ];

    private static readonly string[] LearnerRoles =
    [
        "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student",
        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Learner",
    ];

    // The same roles mean the same place in a launch and in a roster (NRPS members carry the same vocabulary).
    public static bool InstructsBy(IEnumerable<string> roles) =>
        roles.Any(r => InstructorRoles.Contains(r, StringComparer.Ordinal) || r.StartsWith("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#", StringComparison.Ordinal));

    public static bool LearnsBy(IEnumerable<string> roles) =>
        roles.Any(r => LearnerRoles.Contains(r, StringComparer.Ordinal) || r.StartsWith("http://purl.imsglobal.org/vocab/lis/v2/membership/Learner#", StringComparison.Ordinal));

    // The payload as JSON: its claims are nested objects and arrays, read here without the handler's own conversions.
    public static JsonElement Payload(JsonWebToken token)
    {
        using var document = JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload));
        return document.RootElement.Clone();
    }

    public static LaunchClaims Read(JsonWebToken token)
    {
        var payload = Payload(token);
        var roles = Strings(payload, Roles);
        var context = Object(payload, Context);
        var custom = Object(payload, Custom);
        return new LaunchClaims(
            token.Subject,
            Property(payload, "name") ?? string.Join(' ', new[] { Property(payload, "given_name"), Property(payload, "family_name") }.Where(s => !string.IsNullOrWhiteSpace(s))),
            Property(payload, "email"),
            InstructsBy(roles),
            LearnsBy(roles),
            Property(context, "id"),
            Property(context, "title") ?? Property(context, "label"),
            Property(Object(payload, ResourceLink), "id"),
            Property(custom, "course"),
            Property(custom, "module"),
            Property(custom, "prompt"));
    }

    public static IReadOnlyList<string> Strings(JsonElement payload, string claim)
    {
        if (payload.TryGetProperty(claim, out var element))
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                return [.. element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
            }
            if (element.ValueKind == JsonValueKind.String)
            {
                return [element.GetString()!];
            }
        }
        return [];
    }

    private static JsonElement? Object(JsonElement payload, string claim) =>
        payload.TryGetProperty(claim, out var element) && element.ValueKind == JsonValueKind.Object ? element : null;

    public static string? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString()!.Trim() : null;
}
