using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure.Oidc;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.SingleSignOn;

// The owner of an existing account links a provider's sign-in by a link mailed to the account's address (instead of
// its password): real provider, real mail through the SMTP listener, the app's pipeline.
public sealed class LinkByMailTests(SsoFactory factory) : IClassFixture<SsoFactory>, IAsyncLifetime
{
    private TestIdentityProvider _idp = null!;
    private Institution _institution = null!;

    public async Task InitializeAsync()
    {
        _idp = await TestIdentityProvider.StartAsync();
        _institution = await factory.InstitutionAsync("mail-" + Guid.NewGuid().ToString("N")[..8], "Uni");
    }

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    [Fact]
    public async Task The_mailed_link_links_the_provider_and_signs_in_once()
    {
        var provider = await factory.ProviderAsync(_institution, _idp);
        var owner = await factory.UserAsync("lin@uni.example.org", "Lin");
        var link = await MailedLinkAsync(provider, owner, "sub-lin");
        Assert.Empty(await LoginsAsync(owner));

        // Another browser (the phone that reads the mail): opening the link asks first, and links nothing yet.
        var phone = factory.CreateBrowserLikeClient();
        var page = await phone.GetDocumentAsync(link);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#confirm-link-form")!;
        Assert.Contains("lin@uni.example.org", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await LoginsAsync(owner));
        // A second browser has the same page open.
        var other = factory.CreateBrowserLikeClient();
        var otherForm = (AngleSharp.Html.Dom.IHtmlFormElement)(await other.GetDocumentAsync(link)).QuerySelector("#confirm-link-form")!;

        using var confirmed = await phone.PostFormAsync(link, form, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(Home, confirmed.Headers.Location!.PathAndQuery());
        Assert.Equal([(provider.LoginProvider, "sub-lin")], await LoginsAsync(owner));
        using var account = await phone.GetAsync($"/{_institution.Slug}/Account/Manage/SignIns");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);

        // Used: neither the other browser's open page nor the link itself does anything any more.
        using var again = await other.PostFormAsync(link, otherForm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Nothing was linked.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var signedOut = await other.GetAsync($"/{_institution.Slug}/Account/Manage/SignIns");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Null((await other.GetDocumentAsync(link)).QuerySelector("#confirm-link-form"));
        Assert.Single(await LoginsAsync(owner));

        // From now on the provider alone signs the owner in.
        Assert.Equal(Home, await SsoBrowser.SignInAsync(factory.CreateBrowserLikeClient(), _institution.Slug, provider.Id));
    }

    [Fact]
    public async Task A_tampered_link_or_one_opened_in_another_institution_links_nothing()
    {
        var provider = await factory.ProviderAsync(_institution, _idp);
        var other = await factory.InstitutionAsync("other-" + Guid.NewGuid().ToString("N")[..8], "Other");
        await factory.ProviderAsync(other, _idp);
        var owner = await factory.UserAsync("tam@uni.example.org", "Tam");
        var link = await MailedLinkAsync(provider, owner, "sub-tam");
        var browser = factory.CreateBrowserLikeClient();

        var code = link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..];
        var tampered = link.Replace(code, code[..^4] + (code.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"), StringComparison.Ordinal);
        foreach (var url in new[] { tampered, link.Replace($"/{_institution.Slug}/", $"/{other.Slug}/", StringComparison.Ordinal), link.Split('?')[0] })
        {
            var page = await browser.GetDocumentAsync(url);
            Assert.Null(page.QuerySelector("#confirm-link-form"));
            Assert.Contains("Nothing was linked.", page.Body!.TextContent, StringComparison.Ordinal);
        }
        // Posted anyway, with the genuine code, at the other institution.
        var form = await browser.GetDocumentAsync($"/{other.Slug}/Account/Login");
        var anyForm = (AngleSharp.Html.Dom.IHtmlFormElement)form.QuerySelector("form[method=post]")!;
        using var foreign = await browser.PostFormAsync($"/{other.Slug}/sso/link/confirm", anyForm,
            new Dictionary<string, string> { ["code"] = Uri.UnescapeDataString(code) }, action: $"/{other.Slug}/sso/link/confirm");
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.Empty(await LoginsAsync(owner));

        // The genuine link, where it was made, still works.
        Assert.NotNull((await browser.GetDocumentAsync(link)).QuerySelector("#confirm-link-form"));
    }

    private string Home => $"/{_institution.Slug}/";

    // Signs in through the provider as the owner's address at another subject, and asks for the link by mail.
    private async Task<string> MailedLinkAsync(SignInProvider provider, PlatformUser owner, string subject)
    {
        _idp.Person = new TestPerson(subject, owner.Email!, owner.DisplayName);
        var browser = factory.CreateBrowserLikeClient();
        Assert.Equal($"/{_institution.Slug}/sso/link", await SsoBrowser.SignInAsync(browser, _institution.Slug, provider.Id));
        using var sent = await browser.SubmitAsync($"/{_institution.Slug}/sso/link", new Dictionary<string, string>(), "#link-by-mail-form");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/{_institution.Slug}/sso/link/sent", sent.Headers.Location!.PathAndQuery());
        using var page = await browser.GetAsync(sent.Headers.Location!.PathAndQuery());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var mail = await factory.Mail.WaitForMailToAsync(owner.Email!, "Link");
        Assert.Contains(provider.DisplayName, mail.Subject, StringComparison.Ordinal);
        return new Uri(mail.LinkTo("/sso/link/confirm")).PathAndQuery;
    }

    private Task<List<(string, string)>> LoginsAsync(PlatformUser user) =>
        factory.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            var logins = await users.GetLoginsAsync((await users.FindByIdAsync(user.Id.ToString()))!);
            return logins.Select(l => (l.LoginProvider, l.ProviderKey)).ToList();
        });
}
