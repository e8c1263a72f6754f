using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure.Oidc;
using CoSie.Platform.Web.Features.SingleSignOn;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using CoSie.Platform.Web.Identity;

namespace CoSie.Platform.IntegrationTests.SingleSignOn;

// Its own app, because it moves the app's clock past the link's lifetime.
public sealed class LinkByMailExpiryTests(SsoFactory factory) : IClassFixture<SsoFactory>, IAsyncLifetime
{
    private TestIdentityProvider _idp = null!;

    public async Task InitializeAsync() => _idp = await TestIdentityProvider.StartAsync();

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    [Fact]
    public async Task An_expired_link_links_nothing()
    {
        var institution = await factory.InstitutionAsync("exp-" + Guid.NewGuid().ToString("N")[..8], "Uni");
        var provider = await factory.ProviderAsync(institution, _idp);
        var owner = await factory.UserAsync("exp@uni.example.org", "Exp");
        _idp.Person = new TestPerson("sub-exp", owner.Email!, "Exp");
        var browser = factory.CreateBrowserLikeClient();
        Assert.Equal($"/{institution.Slug}/sso/link", await SsoBrowser.SignInAsync(browser, institution.Slug, provider.Id));
        using var sent = await browser.SubmitAsync($"/{institution.Slug}/sso/link", new Dictionary<string, string>(), "#link-by-mail-form");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var link = new Uri((await factory.Mail.WaitForMailToAsync(owner.Email!, "Link")).LinkTo("/sso/link/confirm")).PathAndQuery;
        var phone = factory.CreateBrowserLikeClient();
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await phone.GetDocumentAsync(link)).QuerySelector("#confirm-link-form")!;

        factory.Clock.Advance(ProviderLinkTokens.Lifetime + TimeSpan.FromMinutes(1));

        Assert.Null((await phone.GetDocumentAsync(link)).QuerySelector("#confirm-link-form"));
        using var late = await phone.PostFormAsync(link, form, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Nothing was linked.", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await factory.WithServicesAsync(services =>
            services.GetRequiredService<UserManager<PlatformUser>>()
                .FindByLoginAsync(provider.LoginProvider, "sub-exp")));
    }
}
