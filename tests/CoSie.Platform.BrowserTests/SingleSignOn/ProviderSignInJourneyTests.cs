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
