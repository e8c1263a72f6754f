using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoSie.Platform.IntegrationTests.Lti;

// The LMS's side of LTI Advantage: its OAuth 2 token endpoint (client_credentials with a JWT client assertion checked
// against the tool's own key set, as 1EdTech Security Framework 4.1 and RFC 7523 describe), the Names and Role
// Provisioning Service 2.0 (a membership container paged with Link rel="next") and the Assignment and Grade Services
// 2.0 (line items and scores). Tests tell it to fail and read what it received.
public sealed partial class LtiPlatformSimulator
{
    public enum TokenFault
    {
        None,
        Down,
        Unauthorized,
        ServerError,
    }

    private const string NrpsClaim = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    private const string AgsClaim = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";

    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _usedAssertions = new(StringComparer.Ordinal);

    // Where the tool's key set is read (the tool's /lti/jwks through the app's pipeline).
    public Func<Task<string>>? ToolKeySet { get; set; }
    public TokenFault TokenFailure { get; set; }
    public int TokenRequests => _tokenRequests;
    public ConcurrentQueue<string> TokenRefusals { get; } = new();
    public ConcurrentQueue<string> GrantedScopes { get; } = new();
    public List<RosterMember> Roster { get; } = [];
    public int PageSize { get; set; } = 2;
    public int MembershipPagesServed => _pages;
    public ConcurrentQueue<(string ResourceId, string Label, string Url)> LineItems { get; } = new();
    public ConcurrentQueue<(string LineItem, JsonObject Score)> Scores { get; } = new();

    private int _tokenRequests;
    private int _pages;

    public string TokenUrl => Issuer + "/mod/lti/token.php";
    public string MembershipsUrl(string contextId) => $"{Issuer}/nrps/{contextId}/memberships";
    public string LineItemsUrl(string contextId) => $"{Issuer}/ags/{contextId}/lineitems";

    // The claims a launch from a course with both services enabled carries.
    public void AddServiceClaims(Dictionary<string, object> claims, string contextId)
    {
        claims[NrpsClaim] = new Dictionary<string, object> { ["context_memberships_url"] = MembershipsUrl(contextId), ["service_versions"] = new[] { "2.0" } };
        claims[AgsClaim] = new Dictionary<string, object>
        {
            ["scope"] = new[]
            {
                "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
                "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            },
            ["lineitems"] = LineItemsUrl(contextId),
        };
    }

    private void MapServices(WebApplication app)
    {
        app.MapPost("/mod/lti/token.php", (Delegate)TokenAsync);
        app.MapGet("/nrps/{context}/memberships", (HttpContext http, string context, int? page) =>
        {
            if (!Authorised(http, "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"))
            {
                return Results.Unauthorized();
            }
            Interlocked.Increment(ref _pages);
            var index = page ?? 0;
            var members = new JsonArray();
            foreach (var member in Roster.Skip(index * PageSize).Take(PageSize))
            {
                members.Add(new JsonObject
                {
                    ["user_id"] = member.Subject,
                    ["name"] = member.Name,
                    ["email"] = member.Email,
                    ["status"] = member.Status,
                    ["roles"] = new JsonArray([.. member.Roles.Select(r => (JsonNode)r)]),
                });
            }
            if ((index + 1) * PageSize < Roster.Count)
            {
                http.Response.Headers.Append("Link", $"<{MembershipsUrl(context)}?page={(index + 1).ToString(CultureInfo.InvariantCulture)}>; rel=\"next\"");
            }
            var container = new JsonObject { ["id"] = MembershipsUrl(context), ["context"] = new JsonObject { ["id"] = context }, ["members"] = members };
            return Results.Text(container.ToJsonString(), "application/vnd.ims.lti-nrps.v2.membershipcontainer+json");
        });
        app.MapGet("/ags/{context}/lineitems", (HttpContext http, string context, string? resource_id) =>
        {
            if (!Authorised(http, "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"))
            {
                return Results.Unauthorized();
            }
            var items = new JsonArray([.. LineItems.Where(i => resource_id is null || i.ResourceId == resource_id)
                .Select(i => (JsonNode)new JsonObject { ["id"] = i.Url, ["resourceId"] = i.ResourceId, ["label"] = i.Label, ["scoreMaximum"] = 100 })]);
            return Results.Text(items.ToJsonString(), "application/vnd.ims.lis.v2.lineitemcontainer+json");
        });
        app.MapPost("/ags/{context}/lineitems", async (HttpContext http, string context) =>
        {
            if (!Authorised(http, "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"))
            {
                return Results.Unauthorized();
            }
            var item = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!.AsObject();
            var url = $"{LineItemsUrl(context)}/{LineItems.Count + 1}";
            LineItems.Enqueue((item["resourceId"]!.GetValue<string>(), item["label"]!.GetValue<string>(), url));
            item["id"] = url;
            return Results.Text(item.ToJsonString(), "application/vnd.ims.lis.v2.lineitem+json", statusCode: StatusCodes.Status201Created);
        });
        app.MapPost("/ags/{context}/lineitems/{item}/scores", async (HttpContext http, string context, string item) =>
        {
            if (!Authorised(http, "https://purl.imsglobal.org/spec/lti-ags/scope/score"))
            {
                return Results.Unauthorized();
            }
            if (http.Request.ContentType != "application/vnd.ims.lis.v1.score+json")
            {
                return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            }
            var score = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!.AsObject();
            Scores.Enqueue(($"{LineItemsUrl(context)}/{item}", score));
            return Results.NoContent();
        });
    }

    private async Task<IResult> TokenAsync(HttpContext http)
    {
        Interlocked.Increment(ref _tokenRequests);
        switch (TokenFailure)
        {
            case TokenFault.Down:
                http.Abort();
                return Results.Empty;
            case TokenFault.Unauthorized:
                return Results.Text("{\"error\":\"invalid_client\"}", "application/json", statusCode: StatusCodes.Status401Unauthorized);
            case TokenFault.ServerError:
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
        var form = await http.Request.ReadFormAsync();
        string? Refuse(string why)
        {
            TokenRefusals.Enqueue(why);
            return why;
        }
        if (form["grant_type"] != "client_credentials" || form["client_assertion_type"] != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        {
            Refuse("grant");
            return Results.Text("{\"error\":\"unsupported_grant_type\"}", "application/json", statusCode: StatusCodes.Status400BadRequest);
        }
        var keys = new JsonWebKeySet(await ToolKeySet!()).GetSigningKeys();
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(form["client_assertion"].ToString(), new TokenValidationParameters
        {
            ValidIssuer = ClientId,
            ValidAudience = TokenUrl,
            IssuerSigningKeys = keys,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromMinutes(5),
        });
        var token = validated.SecurityToken as JsonWebToken;
        if (!validated.IsValid || token is null || token.Subject != ClientId || string.IsNullOrEmpty(token.Kid)
            || !token.TryGetPayloadValue<string>("jti", out var jti) || !_usedAssertions.TryAdd(jti, true)
            || token.ValidTo - token.IssuedAt > TimeSpan.FromMinutes(10))
        {
            Refuse(validated.Exception?.Message ?? "claims");
            return Results.Text("{\"error\":\"invalid_client\"}", "application/json", statusCode: StatusCodes.Status401Unauthorized);
        }
        var scope = form["scope"].ToString();
        GrantedScopes.Enqueue(scope);
        var accessToken = Guid.NewGuid().ToString("N");
        _tokens[accessToken] = scope;
        return Results.Text(new JsonObject { ["access_token"] = accessToken, ["token_type"] = "Bearer", ["expires_in"] = 3600, ["scope"] = scope }.ToJsonString(), "application/json");
    }

    private bool Authorised(HttpContext http, string scope)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && _tokens.TryGetValue(header["Bearer ".Length..], out var granted)
            && granted.Split(' ').Contains(scope, StringComparer.Ordinal);
    }
}

// A member of the LMS course as NRPS lists them.
public sealed record RosterMember(string Subject, string Name, string Email, string[] Roles, string Status = "Active");
