using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure.Oidc;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoSie.Platform.IntegrationTests.SingleSignOn;

// Every way a provider's answer can be wrong or missing ends on the sign-in page with its own message, creates no
// account, and is logged with the provider and the reason.
public sealed class ProviderFailureTests(SsoFactory factory) : IClassFixture<SsoFactory>, IAsyncLifetime
{
    private TestIdentityProvider _idp = null!;
    private Institution _institution = null!;

    public async Task InitializeAsync()
    {
        _idp = await TestIdentityProvider.StartAsync();
        _institution = await factory.InstitutionAsync("fail-" + Guid.NewGuid().ToString("N")[..8], "Failing Uni");
    }

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    public static TheoryData<string, string> Tamperings => new()
    {
        { "issuer", "WrongIssuer" },
        { "audience", "WrongAudience" },
        { "expired", "Expired" },
        { "not-yet-valid", "NotYetValid" },
        { "signature", "BadSignature" },
        { "nonce", "Replayed" },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task A_token_that_cannot_be_trusted_signs_nobody_in(string tampering, string refusal)
    {
        var provider = await factory.ProviderAsync(_institution, _idp);
        var email = $"{tampering}@uni.example.org";
        _idp.Person = new TestPerson("sub-" + tampering, email, "Tampered");
        var now = DateTimeOffset.UtcNow;
        _idp.RewriteIdToken = token => _idp.Reissue(token, claims =>
        {
            switch (tampering)
            {
                case "issuer": claims["iss"] = "http://127.0.0.1:1/elsewhere"; break;
                case "audience": claims["aud"] = "another-client"; break;
                case "expired": claims["exp"] = now.AddMinutes(-30).ToUnixTimeSeconds(); claims["iat"] = now.AddMinutes(-60).ToUnixTimeSeconds(); break;
                case "not-yet-valid": claims["nbf"] = now.AddMinutes(30).ToUnixTimeSeconds(); claims["exp"] = now.AddMinutes(90).ToUnixTimeSeconds(); break;
                case "nonce": claims["nonce"] = "a-nonce-from-another-sign-in"; break;
            }
        }, tampering == "signature" ? TestIdentityProvider.NewKey() : null);

        var landing = await SsoBrowser.SignInAsync(factory.CreateBrowserLikeClient(), _institution.Slug, provider.Id);

        Assert.Equal($"/{_institution.Slug}/Account/Login?sso={refusal}", landing);
        await AssertNoAccountAsync(email);
        AssertLogged(provider.Id, refusal);
    }

    [Fact]
    public async Task The_refusal_is_explained_on_the_sign_in_page_which_still_offers_passwords()
    {
        var provider = await factory.ProviderAsync(_institution, _idp);
        var page = await factory.CreateBrowserLikeClient().GetDocumentAsync($"/{_institution.Slug}/Account/Login?sso=ProviderUnavailable");

        Assert.Contains("did not answer in time", page.QuerySelector("#sso-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("input[name='Input.Password']"));
        Assert.NotNull(page.QuerySelector($"form[action$='/sso/{provider.Id}/start']"));
    }

    [Fact]
    public async Task A_callback_used_twice_is_refused_the_second_time()
    {
        var provider = await factory.ProviderAsync(_institution, _idp);
        _idp.Person = new TestPerson("sub-replay", "replay@uni.example.org", "Replay");
        var browser = factory.CreateBrowserLikeClient();
        using var started = await SsoBrowser.StartAsync(browser, _institution.Slug, provider.Id);
        var callback = await SsoBrowser.AtProviderAsync(await SsoBrowser.ContinueToAsync(started));
        Assert.Equal($"/{_institution.Slug}/", await SsoBrowser.CallbackAsync(browser, callback));

        var replay = await SsoBrowser.CallbackAsync(factory.CreateBrowserLikeClient(), callback);
        Assert.Equal($"/{_institution.Slug}/Account/Login?sso=Replayed", replay);
    }

    [Fact]
    public async Task A_tampered_state_is_refused()
    {
        var provider = await factory.ProviderAsync(_institution, _idp);
        _idp.Person = new TestPerson("sub-state", "state@uni.example.org", "State");
        var browser = factory.CreateBrowserLikeClient();
        using var started = await SsoBrowser.StartAsync(browser, _institution.Slug, provider.Id);
        var callback = await SsoBrowser.AtProviderAsync(await SsoBrowser.ContinueToAsync(started));
        var tampered = new Uri(callback, System.Text.RegularExpressions.Regex.Replace(callback.PathAndQuery, "state=[^&]+", "state=forged"));

        var landing = await SsoBrowser.CallbackAsync(browser, tampered);

        Assert.StartsWith($"/{_institution.Slug}/Account/Login?sso=", landing, StringComparison.Ordinal);
        await AssertNoAccountAsync("state@uni.example.org");
    }

    [Fact]
    public async Task An_unverified_address_or_one_outside_the_allowed_domains_creates_nothing()
    {
        var provider = await factory.ProviderAsync(_institution, _idp, domains: ["uni.example.org"]);
        _idp.Person = new TestPerson("sub-unverified", "unverified@uni.example.org", "Unverified", EmailVerified: false);
        Assert.Equal($"/{_institution.Slug}/Account/Login?sso=UnverifiedEmail",
            await SsoBrowser.SignInAsync(factory.CreateBrowserLikeClient(), _institution.Slug, provider.Id));
        await AssertNoAccountAsync("unverified@uni.example.org");

        _idp.Person = new TestPerson("sub-outside", "someone@elsewhere.example.com", "Outside");
        Assert.Equal($"/{_institution.Slug}/Account/Login?sso=EmailDomainNotAllowed",
            await SsoBrowser.SignInAsync(factory.CreateBrowserLikeClient(), _institution.Slug, provider.Id));
        await AssertNoAccountAsync("someone@elsewhere.example.com");
        AssertLogged(provider.Id, "EmailDomainNotAllowed");
    }

    [Fact]
    public async Task A_provider_that_is_down_or_too_slow_gets_a_clear_page_with_passwords_still_offered()
    {
        var down = await factory.ProviderAsync(_institution, _idp, issuer: $"http://127.0.0.1:{TestIdentityProvider.FreePort()}", name: "Down");
        Assert.Equal($"/{_institution.Slug}/Account/Login?sso=ProviderUnavailable",
            await SsoBrowser.SignInAsync(factory.CreateBrowserLikeClient(), _institution.Slug, down.Id));

        await using var slowIdp = await TestIdentityProvider.StartAsync();
        var slow = await factory.ProviderAsync(_institution, slowIdp, name: "Slow");
        slowIdp.Delay = TimeSpan.FromSeconds(20);
        Assert.Equal($"/{_institution.Slug}/Account/Login?sso=ProviderUnavailable",
            await SsoBrowser.SignInAsync(factory.CreateBrowserLikeClient(), _institution.Slug, slow.Id));
        AssertLogged(slow.Id, "could not be reached");
    }

    [Fact]
    public async Task After_the_provider_rotates_its_keys_the_next_sign_in_fetches_them_again()
    {
        var provider = await factory.ProviderAsync(_institution, _idp);
        _idp.Person = new TestPerson("sub-rotate", "rotate@uni.example.org", "Rotate");
        Assert.Equal($"/{_institution.Slug}/", await SsoBrowser.SignInAsync(factory.CreateBrowserLikeClient(), _institution.Slug, provider.Id));
        var fetched = _idp.KeySetRequests;

        _idp.RotateKeys();

        Assert.Equal($"/{_institution.Slug}/", await SsoBrowser.SignInAsync(factory.CreateBrowserLikeClient(), _institution.Slug, provider.Id));
        Assert.True(_idp.KeySetRequests > fetched, "The key set was not fetched again after the unknown key id.");
    }

    private async Task AssertNoAccountAsync(string email) =>
        Assert.Equal(0, await factory.WithServicesAsync(services =>
            services.GetRequiredService<PlatformDbContext>().Users.CountAsync(u => u.Email == email)));

    private void AssertLogged(Guid providerId, string text) =>
        Assert.Contains(factory.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains(providerId.ToString(), StringComparison.Ordinal)
            && l.Message.Contains(text, StringComparison.Ordinal));
}
