using System.Globalization;
using System.Runtime.CompilerServices;
using CoSie.Platform.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Infrastructure;

// A test drives one or more people, each in a fresh browser context (own cookies, own storage) of the shared Chromium.
public abstract class BrowserTest(Chromium chromium, BrowserAppFactory app) : IAsyncLifetime
{
    private static readonly HashSet<string> Assets = new(StringComparer.Ordinal) { "stylesheet", "script", "image", "font", "fetch", "xhr" };
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _pageProblems = [];
    private int _screenshots;

    protected BrowserAppFactory App => app;

    protected Task<IPage> OpenPageAsync(bool javaScript = true) => NewPageAsync(javaScript, storageState: null);

    // A page signed in as the person. The first time for each person and institution it signs in through the real
    // form; later it starts with the cookies that sign-in gave, so that tests which only look at pages do not each
    // pay for a password hash. Only for tests that leave the account as it is (no sign-out, no password change).
    protected async Task<IPage> OpenSignedInPageAsync(string person, string? institution = null, string password = Seed.Password)
    {
        var key = $"{institution}/{person}";
        if (app.SignedInStates.TryGetValue(key, out var state))
        {
            return await NewPageAsync(javaScript: true, state);
        }
        var page = await OpenPageAsync();
        await page.SignInAsync(person, password, institution);
        app.SignedInStates[key] = await page.Context.StorageStateAsync();
        return page;
    }

    private async Task<IPage> NewPageAsync(bool javaScript, string? storageState)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            StorageState = storageState,
            BaseURL = app.ServerAddress.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "Europe/Helsinki",
        });
        // Short waits: a missing element should fail the test in seconds, not after Playwright's default 30.
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        _contexts.Add(context);
        // A stylesheet or script that fails to load, or an error in the console (a CSP refusal, a script error),
        // fails the test even when the page still happens to show what the test looks for.
        context.Response += (_, response) =>
        {
            if (response.Status >= 400 && Assets.Contains(response.Request.ResourceType))
            {
                lock (_pageProblems)
                {
                    _pageProblems.Add($"{response.Request.ResourceType} {response.Url} answered {response.Status}");
                }
            }
        };
        context.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                lock (_pageProblems)
                {
                    _pageProblems.Add($"console error on {message.Page?.Url} ({message.Location}): {message.Text}");
                }
            }
        };
        return await context.NewPageAsync();
    }

    // Saves the whole page as artifacts/screenshots/{TestClass}/{test}/{nn}-{moment}.png.
    protected async Task ScreenshotAsync(IPage page, string moment, [CallerMemberName] string test = "")
    {
        var number = Interlocked.Increment(ref _screenshots).ToString("00", CultureInfo.InvariantCulture);
        var path = Path.Combine(Artifacts.ScreenshotsFolder(GetType().Name), test, $"{number}-{moment}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        lock (_pageProblems)
        {
            Assert.True(_pageProblems.Count == 0, "The pages had problems:\n" + string.Join("\n", _pageProblems));
        }
    }
}
