using System.Net;
using System.Security.Claims;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Lti.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoSie.Platform.IntegrationTests.Lti;

// The tool's keys: made when the admin first needs them, private parts encrypted, published as JWKS per institution,
// rotated with an overlap in which both keys verify.
public sealed class ToolKeyTests(PlatformFactory factory) : IClassFixture<PlatformFactory>, IAsyncLifetime
{
    private Institution _institution = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _institution = await factory.InstitutionAsync("keys-" + Guid.NewGuid().ToString("N")[..8], "Key Uni");
        var admin = await factory.MemberAsync(_institution, $"admin@{_institution.Slug}.example.org", InstitutionRole.Admin);
        _admin = factory.CreateBrowserLikeClient();
        await _admin.AuthenticateAs(factory, admin);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonWebKeySet> KeySetAsync(string slug)
    {
        using var response = await factory.CreateClient().GetAsync($"/{slug}/lti/jwks");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return new JsonWebKeySet(await response.Content.ReadAsStringAsync());
    }

    // A token as the tool signs it, with the private key it keeps in the database.
    private async Task<string> SignedAsync(LtiToolKey key) => await factory.InInstitutionAsync(_institution.Id, (services, _) =>
    {
        var signing = services.GetRequiredService<ToolKeys>().PrivateKeyOf(key);
        return Task.FromResult(new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "tool",
            Audience = "platform",
            Subject = new ClaimsIdentity([new Claim("sub", "x")]),
            SigningCredentials = new SigningCredentials(signing, SecurityAlgorithms.RsaSha256),
        }));
    });

    private static async Task<bool> VerifiesAsync(string token, JsonWebKeySet keys)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "tool",
            ValidAudience = "platform",
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidateLifetime = false,
        });
        return result.IsValid;
    }

    private async Task<List<LtiToolKey>> StoredKeysAsync() =>
        await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiToolKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync());

    [Fact]
    public async Task The_key_set_is_empty_until_the_admin_needs_a_key_and_then_publishes_only_its_public_part()
    {
        Assert.Empty((await KeySetAsync(_institution.Slug)).Keys);

        await _admin.GetDocumentAsync($"/{_institution.Slug}/lti/tool");

        var set = await KeySetAsync(_institution.Slug);
        var key = Assert.Single(set.Keys);
        Assert.Equal("RSA", key.Kty);
        Assert.Equal("RS256", key.Alg);
        Assert.Equal("sig", key.Use);
        Assert.Null(key.D);
        Assert.Null(key.P);
        var stored = Assert.Single(await StoredKeysAsync());
        Assert.Equal(stored.KeyId, key.Kid);
        // The stored private part is no readable key: Data Protection's ciphertext, not PKCS#8 in base64.
        Assert.ThrowsAny<Exception>(() => System.Security.Cryptography.RSA.Create().ImportPkcs8PrivateKey(Convert.FromBase64String(stored.ProtectedPrivateKey), out _));
        Assert.True(await VerifiesAsync(await SignedAsync(stored), set));
    }

    [Fact]
    public async Task A_rotation_publishes_both_keys_for_the_overlap_and_then_only_the_new_one()
    {
        var slug = _institution.Slug;
        await _admin.GetDocumentAsync($"/{slug}/lti/tool");
        var old = Assert.Single(await StoredKeysAsync());
        var signedBefore = await SignedAsync(old);

        using var rotated = await _admin.SubmitAsync($"/{slug}/lti/tool", new Dictionary<string, string>(), "#rotate-form");
        Assert.Equal(HttpStatusCode.Redirect, rotated.StatusCode);

        var keys = await StoredKeysAsync();
        Assert.Equal(2, keys.Count);
        var current = keys.Single(k => k.RetiresAt is null);
        Assert.NotEqual(old.KeyId, current.KeyId);
        var during = await KeySetAsync(slug);
        Assert.Equal(2, during.Keys.Count);
        Assert.True(await VerifiesAsync(signedBefore, during));
        Assert.True(await VerifiesAsync(await SignedAsync(current), during));
        var page = await _admin.GetDocumentAsync($"/{slug}/lti/tool");
        Assert.Equal(2, page.QuerySelectorAll("#tool-keys tbody tr").Length);

        // Past the default overlap of seven days (the clock only moves forward; later tests make their keys then).
        factory.Clock.Advance(TimeSpan.FromDays(8));
        var after = await KeySetAsync(slug);
        Assert.Equal(current.KeyId, Assert.Single(after.Keys).Kid);
        Assert.False(await VerifiesAsync(signedBefore, after));
    }

    [Fact]
    public async Task Each_institution_publishes_its_own_keys_only()
    {
        var other = await factory.InstitutionAsync("keys-" + Guid.NewGuid().ToString("N")[..8], "Other Key Uni");
        var otherAdmin = factory.CreateBrowserLikeClient();
        await otherAdmin.AuthenticateAs(factory, await factory.MemberAsync(other, $"admin@{other.Slug}.example.org", InstitutionRole.Admin));
        await _admin.GetDocumentAsync($"/{_institution.Slug}/lti/tool");
        await otherAdmin.GetDocumentAsync($"/{other.Slug}/lti/tool");

        var mine = Assert.Single((await KeySetAsync(_institution.Slug)).Keys);
        var theirs = Assert.Single((await KeySetAsync(other.Slug)).Keys);
        Assert.NotEqual(mine.Kid, theirs.Kid);

        // Rotating at the other institution leaves this one's key set alone.
        using var rotated = await otherAdmin.SubmitAsync($"/{other.Slug}/lti/tool", new Dictionary<string, string>(), "#rotate-form");
        Assert.Equal(mine.Kid, Assert.Single((await KeySetAsync(_institution.Slug)).Keys).Kid);
    }
}
