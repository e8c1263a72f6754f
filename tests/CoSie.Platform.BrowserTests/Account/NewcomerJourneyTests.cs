using CoSie.Platform.BrowserTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Account;

[Collection(SharedChromium.Name)]
public sealed class NewcomerJourneyTests(Chromium chromium, BrowserAppFactory app)
    : BrowserTest(chromium, app), IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task Newcomer_registers_confirms_by_mail_signs_in_and_finds_the_public_course()
    {
        var institution = await App.InstitutionAsync("leuven", "Leuven Learning Lab");
        await App.CosieCourseAsync(institution);
        const string email = "noor@newcomer.test";
        const string password = "lanterns under a quiet harbour";
        var page = await OpenPageAsync();

        await page.GotoAsync("/leuven/Account/Register");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Your name").FillAsync("Noor Newcomer");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Password again").FillAsync(password);
        await ScreenshotAsync(page, "registration-filled");
        await page.MainContent().GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" }).WaitForAsync();
        await ScreenshotAsync(page, "check-your-email");
        var mail = await App.Mail.WaitForMailToAsync(email, "Confirm your");
        Assert.Contains("Leuven Learning Lab", mail.Subject, StringComparison.Ordinal);

        await page.GotoAsync(mail.LinkTo("ConfirmEmail"));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Address confirmed" }).WaitForAsync();
        await ScreenshotAsync(page, "address-confirmed");
        await page.MainContent().GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.SignInHereAsync(email, password);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Leuven Learning Lab", Level = 1 }).WaitForAsync();
        Assert.Equal("Noor Newcomer", await page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = "Noor Newcomer" }).InnerTextAsync());
        var course = page.MainContent().GetByRole(AriaRole.Link, new() { Name = SeedCourses.CosieCourseTitle });
        Assert.Equal(1, await course.CountAsync());
        await ScreenshotAsync(page, "institution-home");

        await course.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = SeedCourses.CosieCourseTitle, Level = 1 }).WaitForAsync();
        Assert.Contains("Spreading co-creation", await page.MainContent().InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "public-course");
    }
}
