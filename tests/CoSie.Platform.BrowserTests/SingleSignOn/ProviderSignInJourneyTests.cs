using CoSie.Platform.BrowserTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure.Oidc;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.SingleSignOn;

[Collection(SharedChromium.Name)]
public sealed class ProviderSignInJourneyTests(Chromium chromium, ProviderSignInJourneyTests.Factory app)
    : BrowserTest(chromium, app), IClassFixture<ProviderSignInJourneyTests.Factory>
{
    [Fact]
    public async Task A_person_signs_in_through_the_institution_provider_and_signs_out_there_too()
    {
        await using var idp = await TestIdentityProvider.StartAsync();
        var institution = await App.InstitutionAsync("sso-uni", "SSO University");
        await App.ProviderAsync(institution, idp, roleMappings: "* = learner", name: "SSO University login");
        idp.Person = new TestPerson("sub-mira", "mira@uni.example.org", "Mira Provider");
        var page = await OpenPageAsync();

        await page.GotoAsync("/sso-uni/Account/Login");
        await ScreenshotAsync(page, "sign-in-page");
        await page.MainContent().GetByRole(AriaRole.Button, new() { Name = "Sign in with SSO University login" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "SSO University", Level = 1 }).WaitForAsync();
        Assert.Equal("Mira Provider", await page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = "Mira Provider" }).InnerTextAsync());
        await ScreenshotAsync(page, "signed-in");

        await page.Locator(".site-nav").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Signed out" }).WaitForAsync();
        Assert.Equal(1, idp.EndSessionRequests);
        await ScreenshotAsync(page, "signed-out");
    }

    [Fact]
    public async Task The_owner_of_an_existing_account_links_the_provider_by_the_mailed_link()
    {
        await using var idp = await TestIdentityProvider.StartAsync();
        var institution = await App.InstitutionAsync("sso-mail", "Mail University");
        await App.ProviderAsync(institution, idp, roleMappings: "* = learner", name: "Mail University login");
        await App.UserAsync("rosa@uni.example.org", "Rosa Owner");
        idp.Person = new TestPerson("sub-rosa", "rosa@uni.example.org", "Rosa at the provider");
        var page = await OpenPageAsync();

        await page.GotoAsync("/sso-mail/Account/Login");
        await page.MainContent().GetByRole(AriaRole.Button, new() { Name = "Sign in with Mail University login" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Link your sign-in", Level = 1 }).WaitForAsync();
        await ScreenshotAsync(page, "link-choices");
        await page.MainContent().GetByRole(AriaRole.Button, new() { Name = "Send me a confirmation link" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Check your email", Level = 1 }).WaitForAsync();

        var mail = await App.Mail.WaitForMailToAsync("rosa@uni.example.org", "Link Mail University login");
        await page.GotoAsync(mail.LinkTo("/sso/link/confirm"));
        await ScreenshotAsync(page, "link-confirm");
        await page.MainContent().GetByRole(AriaRole.Button, new() { Name = "Link and sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Mail University", Level = 1 }).WaitForAsync();
        Assert.Equal("Rosa Owner", await page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = "Rosa Owner" }).InnerTextAsync());
    }

    // Chromium on a real port, with the test provider's plain-HTTP issuer allowed.
    public sealed class Factory : BrowserAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SingleSignOn:AllowInsecureIssuers", "true");
        }
    }
}
