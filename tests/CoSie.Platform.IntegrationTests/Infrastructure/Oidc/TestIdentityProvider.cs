using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CoSie.Platform.IntegrationTests.Infrastructure.Oidc;

// A real OpenID Connect provider (OpenIddict's server) on a loopback port, for one client. It signs in whoever Person
// names without a login form, and lets a test break it as real providers break: tokens rewritten (wrong issuer,
// audience, lifetime, signature, nonce), keys rotated, answers delayed.
public sealed class TestIdentityProvider : IAsyncDisposable
{
    private static readonly string[] NumericClaims = ["exp", "iat", "nbf", "auth_time"];

    private readonly WebApplication _app;

    private TestIdentityProvider(WebApplication app, Uri issuer, RsaSecurityKey key)
    {
        _app = app;
        Issuer = issuer;
        SigningKey = key;
    }

    public Uri Issuer { get; }
    public string IssuerText => Issuer.AbsoluteUri.TrimEnd('/');
    public string ClientId { get; } = "cosie-platform";
    public string ClientSecret { get; } = "provider-secret-" + Guid.NewGuid().ToString("N");
    public RsaSecurityKey SigningKey { get; private set; }
    public TestPerson Person { get; set; } = new("subject-1", "ada@uni.example.org", "Ada Lovelace", true);

    // Rewrites the id_token of the next token responses; null leaves them as issued.
    public Func<JsonWebToken, string>? RewriteIdToken { get; set; }

    // Every answer waits this long first (a slow provider).
    public TimeSpan Delay { get; set; }

    public int EndSessionRequests { get; private set; }
    public int KeySetRequests { get; private set; }

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var port = FreePort();
        var issuer = new Uri($"http://127.0.0.1:{port}/");
        var key = NewKey();
        TestIdentityProvider? provider = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls(issuer.AbsoluteUri);
        builder.Logging.ClearProviders();
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetIssuer(issuer)
                .SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .SetEndSessionEndpointUris("connect/endsession")
                .SetJsonWebKeySetEndpointUris(".well-known/jwks");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            options.AddSigningKey(key).AddEphemeralEncryptionKey().DisableAccessTokenEncryption();
            options.EnableDegradedMode().DisableTokenStorage().DisableScopeValidation();
            options.UseAspNetCore().DisableTransportSecurityRequirement();

            // Degraded mode leaves client checks to the host: this provider knows one client.
            options.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != provider!.ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }
                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.Request.ClientId != provider!.ClientId || context.Request.ClientSecret != provider.ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                }
                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.HandleAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                var person = provider!.Person;
                var identity = new ClaimsIdentity("test-provider", Claims.Name, Claims.Role);
                identity.AddClaim(new Claim(Claims.Subject, person.Subject));
                identity.AddClaim(new Claim(Claims.Email, person.Email));
                identity.AddClaim(new Claim(Claims.EmailVerified, person.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
                identity.AddClaim(new Claim(Claims.Name, person.Name));
                foreach (var group in person.Groups)
                {
                    identity.AddClaim(new Claim("groups", group));
                }
                var principal = new ClaimsPrincipal(identity);
                principal.SetScopes(context.Request.GetScopes());
                principal.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
                context.SignIn(principal);
                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.HandleTokenRequestContext>(b => b.UseInlineHandler(context =>
            {
                context.SignIn(context.AuthorizationCodePrincipal!);
                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ApplyTokenResponseContext>(b => b.UseInlineHandler(context =>
            {
                if (provider!.RewriteIdToken is { } rewrite && context.Response.IdToken is { } idToken)
                {
                    context.Response.IdToken = rewrite(new JsonWebToken(idToken));
                }
                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } uri && !uri.StartsWith("http://localhost", StringComparison.Ordinal)
                    && !uri.StartsWith("http://127.0.0.1", StringComparison.Ordinal))
                {
                    context.Reject(Errors.InvalidRequest, "Unknown post_logout_redirect_uri.");
                }
                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.HandleEndSessionRequestContext>(b => b.UseInlineHandler(context =>
            {
                provider!.EndSessionRequests++;
                context.SignOut();
                return default;
            }));
        });
        var app = builder.Build();
        provider = new TestIdentityProvider(app, issuer, key);
        app.Use(async (context, next) =>
        {
            if (provider.Delay > TimeSpan.Zero)
            {
                await Task.Delay(provider.Delay, context.RequestAborted);
            }
            if (context.Request.Path.StartsWithSegments("/.well-known/jwks", StringComparison.Ordinal))
            {
                provider.KeySetRequests++;
            }
            await next(context);
        });
        app.UseAuthentication();
        await app.StartAsync();
        // Its first answers are slow while they warm up; the app under test should meet a provider that is ready.
        using (var warmUp = new HttpClient())
        {
            await warmUp.GetStringAsync(new Uri(issuer, ".well-known/openid-configuration"));
            await warmUp.GetStringAsync(new Uri(issuer, ".well-known/jwks"));
        }
        provider.KeySetRequests = 0;
        return provider;
    }

    // The provider starts signing with a new key, and its key set no longer lists the old one.
    public void RotateKeys()
    {
        var credentials = _app.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials;
        var next = NewKey();
        credentials.Clear();
        credentials.Add(new SigningCredentials(next, SecurityAlgorithms.RsaSha256));
        SigningKey = next;
    }

    // A token with the claims of the given one, changed, signed with the provider's key or another.
    public string Reissue(JsonWebToken original, Action<Dictionary<string, object>> change, SecurityKey? key = null)
    {
        var claims = original.Claims.GroupBy(c => c.Type)
            .ToDictionary(g => g.Key, g => (object)(g.Count() == 1 ? g.First().Value : g.Select(c => c.Value).ToArray()));
        foreach (var numeric in NumericClaims.Where(claims.ContainsKey))
        {
            claims[numeric] = long.Parse((string)claims[numeric], System.Globalization.CultureInfo.InvariantCulture);
        }
        claims["email_verified"] = original.GetClaim("email_verified").Value == "true";
        change(claims);
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    public async ValueTask DisposeAsync()
    {
        Delay = TimeSpan.Zero;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // A port nothing listens on, for a provider that is away, and to start this one on.
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
