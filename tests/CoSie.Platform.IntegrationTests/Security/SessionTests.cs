using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoSie.Platform.IntegrationTests.Security;

public sealed class SessionTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Over_https_the_session_and_antiforgery_cookies_are_host_prefixed_secure_httponly_and_samesite()
    {
        await factory.UserAsync("cookie@example.org");
        using var secure = factory.WithWebHostBuilder(b => b.UseSetting("App:PublicBaseUrl", "https://learn.example.org"));
        var client = secure.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://learn.example.org/") });

        using var login = await client.GetAsync("/Account/Login");
        var antiforgery = login.Headers.GetValues("Set-Cookie").Single(c => c.Contains("cosie.af", StringComparison.Ordinal));
        AssertHostCookie(antiforgery, "__Host-cosie.af=");

        await client.SignInAsync("cookie@example.org");
        using var home = await client.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task Signing_in_issues_a_new_session_cookie_each_time()
    {
        await factory.UserAsync("fresh@example.org");
        var first = factory.CreateBrowserLikeClient();
        await first.SignInAsync("fresh@example.org");
        var second = factory.CreateBrowserLikeClient();
        using var response = await second.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "fresh@example.org",
            ["Input.Password"] = Seed.Password,
        });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cosie.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        using var again = await second.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "fresh@example.org",
            ["Input.Password"] = Seed.Password,
        });
        Assert.NotEqual(cookie, again.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cosie.session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_idle_session_ends()
    {
        await factory.UserAsync("idle@example.org");
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("idle@example.org");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);

        factory.Clock.Advance(Web.Identity.SessionLifetime.Idle + TimeSpan.FromMinutes(1));
        using var later = await client.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.Contains("/Account/Login", later.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_in_constant_use_still_ends_after_its_absolute_lifetime()
    {
        await factory.UserAsync("busy@example.org");
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("busy@example.org");
        var used = TimeSpan.Zero;
        while (used < Web.Identity.SessionLifetime.Absolute - TimeSpan.FromHours(1))
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(50));
            used += TimeSpan.FromMinutes(50);
            using var page = await client.GetAsync("/Account/Manage");
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"signed out after {used}");
        }
        factory.Clock.Advance(TimeSpan.FromMinutes(90));
        using var last = await client.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task Sign_in_redirects_only_to_local_urls(string returnUrl)
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        await factory.UserAsync(email);
        var client = factory.CreateBrowserLikeClient();
        using var response = await client.SubmitAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Seed.Password,
            ["ReturnUrl"] = returnUrl,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    private static void AssertHostCookie(string setCookie, string prefix)
    {
        Assert.StartsWith(prefix, setCookie, StringComparison.Ordinal);
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/;", setCookie + ";", StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", setCookie, StringComparison.OrdinalIgnoreCase);
    }
}
