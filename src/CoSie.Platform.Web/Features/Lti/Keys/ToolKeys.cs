using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace CoSie.Platform.Web.Features.Lti.Keys;

// The institution's tool key set: the key that signs now, the rotated keys still published, and rotation.
public sealed class ToolKeys(
    PlatformDbContext db, ToolKeyProtector protector, TimeProvider clock, IOptions<LtiSettings> settings, ILogger<ToolKeys> logger)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    // The keys a platform may see tokens signed with: the signing key and those rotated within the overlap.
    public async Task<List<LtiToolKey>> PublishedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.LtiToolKeys.AsNoTracking()
            .Where(k => k.RetiresAt == null || k.RetiresAt > now)
            .OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
    }

    // The key set as JWKS: public parts only.
    public static string KeySetJson(IEnumerable<LtiToolKey> keys) =>
        "{\"keys\":[" + string.Join(',', keys.Select(k => k.PublicJwk)) + "]}";

    // The key that signs now, made on first use.
    public async Task<LtiToolKey> SigningKeyAsync(CancellationToken cancellationToken)
    {
        if (await db.LtiToolKeys.AsNoTracking().SingleOrDefaultAsync(k => k.RetiresAt == null, cancellationToken) is { } current)
        {
            return current;
        }
        try
        {
            return await AddKeyAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another request made the first key at the same moment; that one signs.
            db.ChangeTracker.Clear();
            return await db.LtiToolKeys.AsNoTracking().SingleAsync(k => k.RetiresAt == null, cancellationToken);
        }
    }

    // A new key signs from now on; the one before stays published for the overlap, then drops out of the key set.
    public async Task<LtiToolKey> RotateAsync(CancellationToken cancellationToken)
    {
        var retires = clock.GetUtcNow() + settings.Value.KeyOverlap;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var retired = await db.LtiToolKeys.Where(k => k.RetiresAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiresAt, retires), cancellationToken);
        try
        {
            var key = await AddKeyAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Rotated the LTI tool key: {KeyId} signs now, {Retired} key(s) retire at {RetiresAt}", key.KeyId, retired, retires);
            return key;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A rotation at the same moment won; its key signs, and this one changes nothing.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await db.LtiToolKeys.AsNoTracking().SingleAsync(k => k.RetiresAt == null, cancellationToken);
        }
    }

    // The private key of a tool key, for signing; the caller disposes it. The key's signature provider is not cached:
    // the default factory keeps one per key id, and the next token signed with the same kid would find it holding
    // this RSA object after it was disposed.
    public RsaSecurityKey PrivateKeyOf(LtiToolKey key)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(protector.Reveal(key.ProtectedPrivateKey), out _);
        return new RsaSecurityKey(rsa)
        {
            KeyId = key.KeyId,
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };
    }

    // The one place a JWT leaves signed with the institution's current key (RS256, its kid in the header): client
    // assertions to a platform's token URL and deep linking responses. The descriptor carries the claims and times.
    public async Task<string> SignAsync(SecurityTokenDescriptor descriptor, CancellationToken cancellationToken)
    {
        var privateKey = PrivateKeyOf(await SigningKeyAsync(cancellationToken));
        try
        {
            descriptor.SigningCredentials = new SigningCredentials(privateKey, SecurityAlgorithms.RsaSha256);
            return Handler.CreateToken(descriptor);
        }
        finally
        {
            descriptor.SigningCredentials = null;
            privateKey.Rsa.Dispose();
        }
    }

    private async Task<LtiToolKey> AddKeyAsync(CancellationToken cancellationToken)
    {
        using var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        // The key's id is its RFC 7638 thumbprint: stable, unique, and says nothing but the key.
        var kid = Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(parameters)).ComputeJwkThumbprint());
        var jwk = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["alg"] = SecurityAlgorithms.RsaSha256,
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        });
        var key = new LtiToolKey
        {
            KeyId = kid,
            PublicJwk = jwk,
            ProtectedPrivateKey = protector.Protect(rsa.ExportPkcs8PrivateKey()),
            CreatedAt = clock.GetUtcNow(),
        };
        db.LtiToolKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(key).State = EntityState.Detached;
        return key;
    }
}
