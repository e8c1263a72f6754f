using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure.Oidc;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.SingleSignOn;

// Signing in through an institution's own OpenID Connect provider, a real one on loopback, through the app's pipeline.
public sealed class SignInThroughProviderTests(SsoFactory factory) : IClassFixture<SsoFactory>, IAsyncLifetime
{
    private TestIdentityProvider _idp = null!;
    private Institution _institution = null!;

    public async Task InitializeAsync()
    {
        _idp = await TestIdentityProvider.StartAsync();
        _institution = await factory.InstitutionAsync("uni-" + Guid.NewGuid().ToString("N")[..8], "Uni");
    }

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    [Fact]
    public async Task First_sign_in_creates_the_account_with_the_verified_address_and_the_mapped_role_and_the_next_finds_it()
    {
        var provider = await factory.ProviderAsync(_institution, _idp, roleMappings: "staff = instructor");
        _idp.Person = new TestPerson("sub-ada", "ada@uni.example.org", "Ada Lovelace", true, "staff");
        var browser = factory.CreateBrowserLikeClient();

        var landing = await SsoBrowser.SignInAsync(browser, _institution.Slug, provider.Id);

        Assert.Equal(Home, landing);
        var user = await FindAsync("ada@uni.example.org");
        Assert.NotNull(user);
        Assert.True(user.EmailConfirmed);
        Assert.Equal("Ada Lovelace", user.DisplayName);
        Assert.Null(user.PasswordHash);
        var logins = await LoginsAsync(user);
        Assert.Equal([(provider.LoginProvider, "sub-ada")], logins);
        var membership = await factory.InInstitutionAsync(_institution.Id, (_, db) =>
            db.InstitutionMemberships.AsNoTracking().SingleAsync(m => m.UserId == user.Id));
        Assert.Equal(InstitutionRole.Instructor, membership.Role);
        var account = await browser.GetAsync($"/{_institution.Slug}/Account/Manage/SignIns");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains(provider.DisplayName, await account.Content.ReadAsStringAsync());

        var again = factory.CreateBrowserLikeClient();
        Assert.Equal(Home, await SsoBrowser.SignInAsync(again, _institution.Slug, provider.Id));
        Assert.Equal(1, await CountAsync("ada@uni.example.org"));
    }

    [Fact]
    public async Task The_same_address_at_another_subject_is_a_link_request_not_the_same_account()
    {
        var provider = await factory.ProviderAsync(_institution, _idp);
        var owner = await factory.UserAsync("grace@uni.example.org", "Grace");
        _idp.Person = new TestPerson("sub-grace", "grace@uni.example.org", "Grace Hopper");
        var browser = factory.CreateBrowserLikeClient();

        Assert.Equal($"/{_institution.Slug}/sso/link", await SsoBrowser.SignInAsync(browser, _institution.Slug, provider.Id));
        Assert.Empty(await LoginsAsync(owner));
        using var signedIn = await browser.GetAsync($"/{_institution.Slug}/Account/Manage/SignIns");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        using var wrong = await browser.SubmitAsync($"/{_institution.Slug}/sso/link", new Dictionary<string, string> { ["Password"] = "not the password at all" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Nothing was linked", await wrong.Content.ReadAsStringAsync());
        Assert.Empty(await LoginsAsync(owner));

        using var right = await browser.SubmitAsync($"/{_institution.Slug}/sso/link", new Dictionary<string, string> { ["Password"] = Seed.Password });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal([(provider.LoginProvider, "sub-grace")], await LoginsAsync(owner));

        // From now on the provider alone signs the owner in.
        Assert.Equal(Home, await SsoBrowser.SignInAsync(factory.CreateBrowserLikeClient(), _institution.Slug, provider.Id));

        // The owner removes the link, keeping the password.
        var removed = await browser.SubmitAsync($"/{_institution.Slug}/Account/Manage/SignIns", new Dictionary<string, string>(), "#linked-sign-ins form");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await LoginsAsync(owner));
    }

    [Fact]
    public async Task The_only_way_to_sign_in_cannot_be_removed()
    {
        var provider = await factory.ProviderAsync(_institution, _idp);
        _idp.Person = new TestPerson("sub-only", "only@uni.example.org", "Only Provider");
        var browser = factory.CreateBrowserLikeClient();
        Assert.Equal(Home, await SsoBrowser.SignInAsync(browser, _institution.Slug, provider.Id));

        var refused = await browser.SubmitAsync($"/{_institution.Slug}/Account/Manage/SignIns", new Dictionary<string, string>(), "#linked-sign-ins form");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("only way to sign in", await refused.Content.ReadAsStringAsync());
        Assert.Single(await LoginsAsync((await FindAsync("only@uni.example.org"))!));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_at_the_provider_too()
    {
        var provider = await factory.ProviderAsync(_institution, _idp);
        _idp.Person = new TestPerson("sub-out", "out@uni.example.org", "Out");
        var browser = factory.CreateBrowserLikeClient();
        Assert.Equal(Home, await SsoBrowser.SignInAsync(browser, _institution.Slug, provider.Id));

        using var signedOut = await browser.SubmitAsync($"/{_institution.Slug}/Account/Logout", new Dictionary<string, string>());

        var endSession = await SsoBrowser.ContinueToAsync(signedOut);
        Assert.StartsWith(_idp.IssuerText + "/connect/endsession", endSession.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("id_token_hint=", endSession.Query, StringComparison.Ordinal);
        var back = await SsoBrowser.AtProviderAsync(endSession);
        Assert.Equal(1, _idp.EndSessionRequests);
        Assert.Equal($"/{_institution.Slug}/sso/signed-out", back.AbsolutePath);
        using var page = await browser.GetAsync(back.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var account = await browser.GetAsync($"/{_institution.Slug}/Account/Manage/SignIns");
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
    }

    private string Home => $"/{_institution.Slug}/";

    private Task<PlatformUser?> FindAsync(string email) =>
        factory.WithServicesAsync(services => services.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(email));

    private Task<int> CountAsync(string email) =>
        factory.WithServicesAsync(services => services.GetRequiredService<PlatformDbContext>().Users.CountAsync(u => u.Email == email));

    private Task<List<(string, string)>> LoginsAsync(PlatformUser user) =>
        factory.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            var logins = await users.GetLoginsAsync((await users.FindByIdAsync(user.Id.ToString()))!);
            return logins.Select(l => (l.LoginProvider, l.ProviderKey)).ToList();
        });
}
