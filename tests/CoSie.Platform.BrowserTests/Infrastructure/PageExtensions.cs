using CoSie.Platform.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Infrastructure;

public static class PageExtensions
{
    // Signs in through the real form and waits until the app has sent the person on.
    public static async Task SignInAsync(this IPage page, string email, string password = Seed.Password, string? institution = null)
    {
        await page.GotoAsync(institution is null ? "/Account/Login" : $"/{institution}/Account/Login");
        await page.SignInHereAsync(email, password);
    }

    // Fills the sign-in form the page shows now (for example after following a "sign in to join" link).
    public static async Task SignInHereAsync(this IPage page, string email, string password = Seed.Password)
    {
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Longer than the usual navigation wait: hashing the password and loading the next page can take a while on a
        // busy two-core machine while the other test projects run beside this one.
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { Timeout = 30_000 });
    }

    public static ILocator MainContent(this IPage page) => page.Locator("main");

    public static Task<string> TextOfAsync(this IPage page, string selector) => page.Locator(selector).InnerTextAsync();
}
