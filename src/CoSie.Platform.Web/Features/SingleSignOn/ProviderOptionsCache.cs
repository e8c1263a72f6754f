using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CoSie.Platform.Web.Features.SingleSignOn;

// One set of handler options per provider, kept while the provider is unchanged: its configuration manager caches the
// discovery document and the signing keys, and fetches them again when a token names a key it does not know.
public sealed class ProviderOptionsCache(
    IDataProtectionProvider dataProtection,
    ProviderSecrets secrets,
    TimeProvider clock,
    IOptions<SingleSignOnSettings> settings)
{
    private readonly ConcurrentDictionary<Guid, Entry> _byProvider = new();

    // For requests that talk to no provider; the handler does not act on them (SsoHandler).
    public OpenIdConnectOptions Inert { get; } = new() { TimeProvider = clock };

    public OpenIdConnectOptions For(SignInProvider provider)
    {
        if (_byProvider.TryGetValue(provider.Id, out var entry) && entry.Stamp == provider.UpdatedAt)
        {
            return entry.Options;
        }
        var options = Build(provider);
        _byProvider[provider.Id] = new Entry(provider.UpdatedAt, options);
        return options;
    }

    private OpenIdConnectOptions Build(SignInProvider provider)
    {
        var options = new OpenIdConnectOptions
        {
            Authority = provider.Issuer,
            ClientId = provider.ClientId,
            ClientSecret = secrets.Reveal(provider.ProtectedClientSecret),
            ResponseType = OpenIdConnectResponseType.Code,
            // Query, not form_post: the answer is a top-level GET, so the correlation and nonce cookies can stay
            // SameSite=Lax, which browsers keep also on plain HTTP.
            ResponseMode = OpenIdConnectResponseMode.Query,
            UsePkce = true,
            CallbackPath = SsoPaths.Callback(provider.Id),
            // Unused paths of the handler, made unique so that they never answer for another provider.
            SignedOutCallbackPath = "/signout-callback-sso/" + provider.Id.ToString("N"),
            RemoteSignOutPath = "/signout-remote-sso/" + provider.Id.ToString("N"),
            SignInScheme = IdentityConstants.ExternalScheme,
            SaveTokens = true,
            MapInboundClaims = false,
            GetClaimsFromUserInfoEndpoint = false,
            BackchannelTimeout = settings.Value.BackchannelTimeout,
            RequireHttpsMetadata = !settings.Value.AllowInsecureIssuers,
            RefreshOnIssuerKeyNotFound = true,
            // A token signed with a key the cached set lacks fetches the keys again, at most this often.
            RefreshInterval = TimeSpan.FromSeconds(1),
            TimeProvider = clock,
            Events = SsoEvents.Create(),
            DisableTelemetry = true,
        };
        options.Scope.Clear();
        foreach (var scope in provider.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("openid").Distinct(StringComparer.Ordinal))
        {
            options.Scope.Add(scope);
        }
        options.TokenValidationParameters.NameClaimType = provider.NameClaim;
        // Secure where the platform is served over HTTPS; over plain HTTP (development) a Secure cookie would never return.
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        new OpenIdConnectPostConfigureOptions(dataProtection).PostConfigure(SsoPaths.Scheme, options);
        options.Validate();
        RefetchKeysOnUnknownKeyId(options);
        return options;
    }

    // A provider that rotated its keys signs with a key id the cached set lacks. The configuration manager refreshes in
    // the background, which is too late for this sign-in, so the key set is fetched again at once and its keys join
    // the cached ones for the validation that follows.
    private static void RefetchKeysOnUnknownKeyId(OpenIdConnectOptions options)
    {
        var fresh = new FreshKeys();
        options.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, parameters) =>
            (parameters.IssuerSigningKeys ?? []).Concat(fresh.Keys);
        options.Events.OnTokenResponseReceived = async context =>
        {
            if (context.TokenEndpointResponse.IdToken is not { } idToken)
            {
                return;
            }
            string kid;
            try
            {
                kid = new JsonWebToken(idToken).Kid;
            }
            catch (ArgumentException)
            {
                return;
            }
            var cancellation = context.HttpContext.RequestAborted;
            var current = await options.ConfigurationManager!.GetConfigurationAsync(cancellation);
            if (string.IsNullOrEmpty(kid) || current.SigningKeys.Concat(fresh.Keys).Any(k => k.KeyId == kid))
            {
                return;
            }
            options.ConfigurationManager.RequestRefresh();
            var retriever = new HttpDocumentRetriever(options.Backchannel) { RequireHttps = options.RequireHttpsMetadata };
            var refetched = await OpenIdConnectConfigurationRetriever.GetAsync(options.MetadataAddress, retriever, cancellation);
            fresh.Keys = [.. refetched.SigningKeys];
            context.HttpContext.RequestServices.GetRequiredService<ILogger<ProviderOptionsCache>>()
                .LogInformation("Fetched the signing keys of {Issuer} again for the unknown key id {KeyId}", options.Authority, kid);
        };
    }

    private sealed class FreshKeys
    {
        public volatile SecurityKey[] Keys = [];
    }

    private sealed record Entry(DateTimeOffset Stamp, OpenIdConnectOptions Options);
}
