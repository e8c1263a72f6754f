using System.Collections.Concurrent;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.BrowserTests.Infrastructure;

// The integration tests' factory (own database, SMTP sink, controllable clock), but serving a real Kestrel port,
// so that Chromium talks HTTP to the app as a person's browser would.
public class BrowserAppFactory : PlatformFactory
{
    private Uri? _serverAddress;

    public BrowserAppFactory()
    {
        // Port 0: Kestrel takes a free loopback port, so parallel runs on one machine do not collide.
        UseKestrel(0);
        // The browser judges cookie expiry by the real date: start the app's clock now, or a persistent cookie
        // could be born expired.
        var now = DateTimeOffset.UtcNow;
        if (now > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(now);
        }
    }

    // The cookies of each person a test has signed in (BrowserTest.OpenSignedInPageAsync), by institution and email.
    internal ConcurrentDictionary<string, string> SignedInStates { get; } = new(StringComparer.Ordinal);

    public Uri ServerAddress => _serverAddress ?? throw new InvalidOperationException("The server has not started.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        _serverAddress = ClientOptions.BaseAddress;
        // Mail links start at the platform's public address, never at the request's host: here that is the port
        // Kestrel took, known only now, so that a link in a caught mail opens in the browser like any other page.
        Services.GetRequiredService<IOptions<AppOptions>>().Value.PublicBaseUrl = _serverAddress.GetLeftPart(UriPartial.Authority);
    }
}
