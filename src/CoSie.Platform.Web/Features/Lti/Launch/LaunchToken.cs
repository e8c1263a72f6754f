using CoSie.Platform.Web.Features.Lti.DeepLinking;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoSie.Platform.Web.Features.Lti.Launch;

// Checks a launch's id_token as 1EdTech Security Framework 5.1.3 asks: signed (RS256) with one of the platform's keys,
// from its issuer, for the registration's client id (the only audience, or one of several with it as azp), within its
// lifetime with a small skew, carrying the nonce of this login (used up here, so a launch works once), from a
// registered deployment, for an address of this tool (target_link_uri), and an LTI 1.3 resource link or deep linking
// request.
public sealed class LaunchToken(PlatformDbContext db, PlatformKeySets keySets, TimeProvider clock, ILogger<LaunchToken> logger)
{
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(1);
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    // DeepLinking is set for an LtiDeepLinkingRequest, whose settings say where the instructor's choice goes.
    public sealed record Result(LaunchClaims? Claims, LaunchRefusal? Refusal, string? Detail = null, DeepLinkingSettings? DeepLinking = null);

    public async Task<Result> ValidateAsync(LtiPlatform platform, string idToken, string expectedNonce, HttpRequest request, CancellationToken cancellationToken)
    {
        if (idToken.Length > 64_000 || !Handler.CanReadToken(idToken))
        {
            return new(null, LaunchRefusal.WrongMessage, "not a JWT");
        }
        var keys = await keySets.KeysAsync(platform, refresh: false, cancellationToken);
        if (keys is null)
        {
            return new(null, LaunchRefusal.KeysUnavailable);
        }
        var validated = await Handler.ValidateTokenAsync(idToken, Parameters(platform, keys));
        if (!validated.IsValid && validated.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // A key the kept set does not know: the platform may have rotated; fetch its set once more.
            keys = await keySets.KeysAsync(platform, refresh: true, cancellationToken);
            if (keys is null)
            {
                return new(null, LaunchRefusal.KeysUnavailable);
            }
            validated = await Handler.ValidateTokenAsync(idToken, Parameters(platform, keys));
        }
        if (!validated.IsValid)
        {
            return new(null, validated.Exception switch
            {
                SecurityTokenInvalidIssuerException => LaunchRefusal.WrongIssuer,
                SecurityTokenInvalidAudienceException => LaunchRefusal.WrongAudience,
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException
                    or SecurityTokenInvalidAlgorithmException => LaunchRefusal.BadSignature,
                _ => LaunchRefusal.WrongMessage,
            }, validated.Exception?.GetType().Name);
        }
        var token = (JsonWebToken)validated.SecurityToken;
        var payload = LaunchClaims.Payload(token);

        var audiences = token.Audiences.ToList();
        var azp = LaunchClaims.Property(payload, "azp");
        if ((audiences.Count > 1 || azp is not null) && azp != platform.ClientId)
        {
            return new(null, LaunchRefusal.WrongAudience, "azp");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!token.TryGetPayloadValue<long>("exp", out _) || !token.TryGetPayloadValue<long>("iat", out _)
            || token.ValidTo < now - Skew || token.IssuedAt > now + Skew)
        {
            return new(null, LaunchRefusal.Expired, $"iat {token.IssuedAt:O}, exp {token.ValidTo:O}");
        }

        var nonce = LaunchClaims.Property(payload, "nonce");
        if (nonce is null || nonce != expectedNonce)
        {
            return new(null, LaunchRefusal.Replayed, "nonce differs from the login's");
        }
        // Used up whatever follows, so a token that fails below cannot be tried again either.
        var used = await db.LtiNonces.Where(n => n.Value == nonce && n.PlatformId == platform.Id && n.ExpiresAt > clock.GetUtcNow())
            .ExecuteDeleteAsync(cancellationToken);
        if (used != 1)
        {
            return new(null, LaunchRefusal.Replayed, "nonce used or expired");
        }

        if (!platform.HasDeployment(LaunchClaims.Property(payload, LaunchClaims.DeploymentId)))
        {
            return new(null, LaunchRefusal.UnknownDeployment, LaunchClaims.Property(payload, LaunchClaims.DeploymentId));
        }
        var target = LaunchClaims.Property(payload, LaunchClaims.TargetLinkUri);
        if (!ToolOrigin.Owns(request, target))
        {
            return new(null, LaunchRefusal.WrongTarget, target);
        }
        var messageType = LaunchClaims.Property(payload, LaunchClaims.MessageType);
        var version = LaunchClaims.Property(payload, LaunchClaims.Version);
        var deepLinking = messageType == DeepLinkingSettings.RequestMessage;
        if ((messageType != "LtiResourceLinkRequest" && !deepLinking) || version != "1.3.0")
        {
            return new(null, LaunchRefusal.WrongMessage, $"{messageType} {version}");
        }
        var claims = LaunchClaims.Read(token);
        // Picking a link signs nobody in, so it needs to know the role, not the address.
        if (string.IsNullOrWhiteSpace(claims.Subject) || claims.Subject.Length > 255 || (claims.Email is null && !deepLinking))
        {
            return new(null, LaunchRefusal.NoIdentity);
        }
        logger.LogDebug("Launch token ({MessageType}) of LTI platform {PlatformId} accepted", messageType, platform.Id);
        return new(claims, null, null, deepLinking ? DeepLinkingSettings.Read(payload) : null);
    }

    private static TokenValidationParameters Parameters(LtiPlatform platform, IReadOnlyList<SecurityKey> keys) => new()
    {
        ValidIssuer = platform.Issuer,
        ValidAudience = platform.ClientId,
        IssuerSigningKeys = keys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        // The lifetime is checked against the app's clock below, and the nonce against the login.
        ValidateLifetime = false,
        RequireExpirationTime = false,
        TryAllIssuerSigningKeys = false,
    };
}
