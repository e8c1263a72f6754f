using Microsoft.AspNetCore.Hosting;

namespace CoSie.Platform.IntegrationTests.Infrastructure.Oidc;

// The app as the single sign-on tests need it: providers on loopback over plain HTTP, a short wait for a slow one,
// and the clock at the real time, because the provider's tokens and the browser's cookies live in real time.
public sealed class SsoFactory : PlatformFactory
{
    public SsoFactory()
    {
        Clock.SetUtcNow(DateTimeOffset.UtcNow);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("SingleSignOn:AllowInsecureIssuers", "true");
        builder.UseSetting("SingleSignOn:BackchannelTimeout", "00:00:05");
    }
}
