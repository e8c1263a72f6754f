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
        // Sent on is when the browser commits the next address: the test goes on from there (usually to another page,
        // which starts a navigation of its own), so it need not wait for the landing page to finish loading. Longer
        // than the usual wait: hashing the password takes a while on a busy two-core machine while the other test
        // projects run beside this one.
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase),
                new() { Timeout = 30_000, WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException timeout)
        {
            // Still on the sign-in page: say what it shows (a refusal, a lockout, "slow down"), not only that time ran out.
            throw new TimeoutException($"Signing in as {email} did not leave {page.Url} in 30 s. The page shows:\n{await ShownAsync(page)}", timeout);
        }
    }

    private static async Task<string> ShownAsync(IPage page)
    {
        try
        {
            return await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 });
        }
        catch (Exception exception) when (exception is PlaywrightException or TimeoutException)
        {
            return $"(nothing readable: {exception.Message})";
        }
    }

    public static ILocator MainContent(this IPage page) => page.Locator("main");

    public static Task<string> TextOfAsync(this IPage page, string selector) => page.Locator(selector).InnerTextAsync();
}
