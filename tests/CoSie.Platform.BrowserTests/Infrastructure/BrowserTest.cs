using System.Globalization;
using System.Runtime.CompilerServices;
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

    protected async Task<IPage> OpenPageAsync(bool javaScript = true)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
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
