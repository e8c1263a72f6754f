using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure.Oidc;
using CoSie.Platform.Web.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoSie.Platform.IntegrationTests.Lti;

// An LMS as the 1EdTech LTI 1.3 core and Security Framework specifications describe it, for the tool's launch: its own
// RSA key, published as a JWKS on a real loopback listener; the OIDC third-party-initiated login it starts in the
// browser; and the id_token of an LtiResourceLinkRequest it posts back (form_post) to the tool's redirect URI.
public sealed partial class LtiPlatformSimulator : IAsyncDisposable
{
    public const string Instructor = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    public const string Learner = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    private const string Lti = "https://purl.imsglobal.org/spec/lti/claim/";

    private readonly WebApplication _app;

    private LtiPlatformSimulator(WebApplication app, string issuer)
    {
        _app = app;
        Issuer = issuer;
    }

    public string Issuer { get; }
    public string ClientId { get; } = "tool-" + Guid.NewGuid().ToString("N")[..8];
    public string DeploymentId { get; } = "deployment-1";
    public string AuthenticationUrl => Issuer + "/mod/lti/auth.php";
    public RsaSecurityKey Key { get; private set; } = NewKey();
    public int KeySetRequests { get; private set; }

    // host: the simulator's host name; a browser test gives the app's, so the LMS's page and the tool are one site.
    public static async Task<LtiPlatformSimulator> StartAsync(string host = "127.0.0.1")
    {
        var issuer = string.Create(CultureInfo.InvariantCulture, $"http://{host}:{TestIdentityProvider.FreePort()}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls(issuer);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var simulator = new LtiPlatformSimulator(app, issuer);
        app.MapGet("/mod/lti/certs.php", (HttpContext context) =>
        {
            simulator.KeySetRequests++;
            return Results.Text(simulator.KeySetJson(), "application/json");
        });
        simulator.MapDeepLinking(app);
        simulator.MapServices(app);
        simulator.MapBrowserPages(app);
        await app.StartAsync();
        return simulator;
    }

    public static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    // The platform starts signing with a new key and publishes only that one.
    public void RotateKey() => Key = NewKey();

    public string KeySetJson()
    {
        var parameters = Key.Rsa.ExportParameters(false);
        return JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = Key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        });
    }

    // The registration an institution admin makes of this platform.
    public Task<LtiPlatform> RegisterAsync(PlatformFactory factory, Institution institution) =>
        factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            var platform = new LtiPlatform
            {
                DisplayName = "Simulated Moodle",
                Issuer = Issuer,
                ClientId = ClientId,
                DeploymentIds = [DeploymentId],
                AuthenticationUrl = AuthenticationUrl,
                TokenUrl = Issuer + "/mod/lti/token.php",
                KeySetUrl = Issuer + "/mod/lti/certs.php",
                CreatedAt = factory.Clock.GetUtcNow(),
                UpdatedAt = factory.Clock.GetUtcNow(),
            };
            db.LtiPlatforms.Add(platform);
            await db.SaveChangesAsync();
            return platform;
        });

    // Step 1: the LMS sends the browser to the tool's login initiation URL; the tool answers with a redirect to the
    // LMS's authentication endpoint, whose query (state, nonce, redirect_uri ...) is returned.
    public async Task<Dictionary<string, string>> LoginAsync(HttpClient browser, string institutionSlug, string? issuer = null)
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["iss"] = issuer ?? Issuer,
            ["login_hint"] = "hint-42",
            ["target_link_uri"] = $"http://localhost/{institutionSlug}/lti/launch",
            ["lti_message_hint"] = "message-hint-7",
            ["client_id"] = ClientId,
            ["lti_deployment_id"] = DeploymentId,
        });
        using var response = await browser.GetAsync($"/{institutionSlug}/lti/login{query}");
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The login initiation answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        var location = response.Headers.Location!;
        if (!location.AbsoluteUri.StartsWith(AuthenticationUrl + "?", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The login went elsewhere: " + location);
        }
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    // Step 2: the id_token of a resource link launch for the person, with the claims the specification requires;
    // change rewrites any of them for a launch that must fail.
    public string IdToken(string nonce, LaunchPerson person, DateTimeOffset now, Action<Dictionary<string, object>>? change = null, SecurityKey? key = null)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["iss"] = Issuer,
            ["aud"] = ClientId,
            ["sub"] = person.Subject,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
            ["nonce"] = nonce,
            ["name"] = person.Name,
            ["email"] = person.Email,
            [Lti + "message_type"] = "LtiResourceLinkRequest",
            [Lti + "version"] = "1.3.0",
            [Lti + "deployment_id"] = DeploymentId,
            [Lti + "target_link_uri"] = "http://localhost/lti/launch",
            [Lti + "roles"] = person.Roles,
            [Lti + "resource_link"] = new Dictionary<string, object> { ["id"] = "link-1", ["title"] = "Week 1" },
            [Lti + "context"] = new Dictionary<string, object> { ["id"] = person.ContextId, ["label"] = "ETH101", ["title"] = "Ethics 101, autumn" },
            [Lti + "custom"] = person.Custom,
        };
        change?.Invoke(claims);
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    // Step 3: the browser posts the id_token and the state to the redirect URI (form_post), as the LMS's page does, and,
    // as a browser that keeps the tool's cookies does at once, follows a signed-in launch through the tool's continue
    // step: the answer is that step's, a redirect to the person's place.
    public static async Task<HttpResponseMessage> PostLaunchAsync(HttpClient browser, string institutionSlug, string idToken, string state) =>
        await ContinueAsync(browser, await PostLaunchOnlyAsync(browser, institutionSlug, idToken, state));

    // The launch's own answer, before its continue step.
    public static Task<HttpResponseMessage> PostLaunchOnlyAsync(HttpClient browser, string institutionSlug, string idToken, string state) =>
        browser.PostAsync($"/{institutionSlug}/lti/launch", new FormUrlEncodedContent(new Dictionary<string, string> { ["id_token"] = idToken, ["state"] = state }));

    public static bool GoesToContinue(HttpResponseMessage launched) =>
        launched.StatusCode == System.Net.HttpStatusCode.Redirect && launched.Headers.Location?.OriginalString.Contains("/lti/continue?ticket=", StringComparison.Ordinal) == true;

    private static async Task<HttpResponseMessage> ContinueAsync(HttpClient browser, HttpResponseMessage launched)
    {
        if (!GoesToContinue(launched))
        {
            return launched;
        }
        var location = launched.Headers.Location;
        launched.Dispose();
        return await browser.GetAsync(location);
    }

    // The three steps in one, for a launch that should pass them.
    public async Task<HttpResponseMessage> LaunchAsync(HttpClient browser, string institutionSlug, LaunchPerson person, DateTimeOffset now,
        Action<Dictionary<string, object>>? change = null, SecurityKey? key = null)
    {
        var authentication = await LoginAsync(browser, institutionSlug);
        return await PostLaunchAsync(browser, institutionSlug, IdToken(authentication["nonce"], person, now, change, key), authentication["state"]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

// Who launches, from which LMS course, with the link's custom parameters.
public sealed record LaunchPerson(string Subject, string Name, string Email, string[] Roles, string ContextId, Dictionary<string, object> Custom);
