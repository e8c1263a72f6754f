using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Infrastructure;

// One headless Chromium for the whole run: the machine's own (Debian's), never a downloaded build.
public sealed class Chromium : IAsyncLifetime
{
    private const string DefaultPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("COSIE_CHROMIUM") is { Length: > 0 } configured ? configured : DefaultPath;
        if (!File.Exists(path))
        {
            // Fail at once with the remedy instead of letting every test wait for a browser that cannot start.
            throw new InvalidOperationException(
                $"Chromium was not found at {path}. ./cosie test installs it (apt-get install chromium); " +
                "elsewhere install Chromium or set COSIE_CHROMIUM to its executable.");
        }
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Timeout = 30_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}
