using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure.Oidc;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.SingleSignOn;

// An institution admin sets a provider up in the browser's way: the form, the secret kept encrypted and never shown
// again, a test sign-in that shows the claims, and then switching it on for everyone.
public sealed class ProviderAdminTests(SsoFactory factory) : IClassFixture<SsoFactory>, IAsyncLifetime
{
    private TestIdentityProvider _idp = null!;
    private Institution _institution = null!;

    public async Task InitializeAsync()
    {
        _idp = await TestIdentityProvider.StartAsync();
        _institution = await factory.InstitutionAsync("adm-" + Guid.NewGuid().ToString("N")[..8], "Admin Uni");
    }

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    [Fact]
    public async Task An_admin_adds_a_provider_tests_it_and_switches_it_on()
    {
        var admin = await factory.MemberAsync(_institution, $"admin@{_institution.Slug}.example.org", InstitutionRole.Admin);
        var browser = factory.CreateBrowserLikeClient();
        await browser.AuthenticateAs(factory, admin);
        var slug = _institution.Slug;

        using var created = await browser.SubmitAsync($"/{slug}/sso/providers/new", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Uni Login",
            ["Input.Issuer"] = _idp.IssuerText,
            ["Input.ClientId"] = _idp.ClientId,
            ["Input.ClientSecret"] = _idp.ClientSecret,
            ["Input.GroupClaim"] = "groups",
            ["Input.RoleMappings"] = "staff = instructor",
        }, "#provider-form");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var provider = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.SignInProviders.AsNoTracking().SingleAsync());
        Assert.False(provider.IsEnabled);
        Assert.DoesNotContain(_idp.ClientSecret, provider.ProtectedClientSecret, StringComparison.Ordinal);
        var edit = await browser.GetAsync(created.Headers.Location!.PathAndQuery());
        var editHtml = await edit.Content.ReadAsStringAsync();
        Assert.DoesNotContain(_idp.ClientSecret, editHtml, StringComparison.Ordinal);
        Assert.Contains($"/{slug}/signin-sso/{provider.Id:N}", editHtml, StringComparison.Ordinal);
        // Not offered before it is switched on.
        var login = await factory.CreateBrowserLikeClient().GetDocumentAsync($"/{slug}/Account/Login");
        Assert.Null(login.QuerySelector($"form[action$='/sso/{provider.Id}/start']"));

        // The test sign-in shows the claims and creates nothing.
        _idp.Person = new TestPerson("sub-tester", "tester@uni.example.org", "Tess Tester", true, "staff");
        var testPage = $"/{slug}/sso/providers/{provider.Id}/test";
        using var started = await browser.SubmitAsync(testPage, new Dictionary<string, string>());
        var back = await SsoBrowser.CallbackAsync(browser, await SsoBrowser.AtProviderAsync(await SsoBrowser.ContinueToAsync(started)));
        Assert.Equal(testPage, back);
        var result = await browser.GetDocumentAsync(testPage);
        var claims = result.QuerySelector("#test-claims")!.TextContent;
        Assert.Contains("tester@uni.example.org", claims, StringComparison.Ordinal);
        Assert.Contains("sub-tester", claims, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithServicesAsync(s =>
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Web.Data.PlatformDbContext>(s)
                .Users.CountAsync(u => u.Email == "tester@uni.example.org")));

        // Switched on, keeping the stored secret; now it signs people in.
        using var saved = await browser.SubmitAsync($"/{slug}/sso/providers/{provider.Id}/edit",
            new Dictionary<string, string> { ["Input.IsEnabled"] = "true" }, "#provider-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        _idp.Person = new TestPerson("sub-learner", "learner@uni.example.org", "Lee Learner");
        Assert.Equal($"/{slug}/", await SsoBrowser.SignInAsync(factory.CreateBrowserLikeClient(), slug, provider.Id));
    }

    [Fact]
    public async Task A_form_with_bad_input_says_what_is_wrong_and_saves_nothing()
    {
        var admin = await factory.MemberAsync(_institution, $"admin2@{_institution.Slug}.example.org", InstitutionRole.Admin);
        var browser = factory.CreateBrowserLikeClient();
        await browser.AuthenticateAs(factory, admin);

        using var refused = await browser.SubmitAsync($"/{_institution.Slug}/sso/providers/new", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Broken",
            ["Input.Issuer"] = "ftp://login.example.org?x=1",
            ["Input.ClientId"] = "client",
            ["Input.ClientSecret"] = "",
            ["Input.RoleMappings"] = "staff = emperor",
            ["Input.AllowedEmailDomains"] = "not a domain",
        }, "#provider-form");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.NotEmpty(page.ErrorFor("Input.Issuer"));
        Assert.NotEmpty(page.ErrorFor("Input.ClientSecret"));
        Assert.Contains("emperor", page.ErrorFor("Input.RoleMappings"), StringComparison.Ordinal);
        Assert.NotEmpty(page.ErrorFor("Input.AllowedEmailDomains"));
        Assert.Equal(0, await factory.InInstitutionAsync(_institution.Id, (_, db) => db.SignInProviders.CountAsync()));
    }
}
