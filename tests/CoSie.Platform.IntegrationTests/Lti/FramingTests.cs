using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure.Oidc;
using CoSie.Platform.Web.Domain;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoSie.Platform.IntegrationTests.Lti;

// The tool inside the LMS's iframe: LTI pages and the pages of a session an LTI launch started may be framed by the
// institution's own platforms only, and that session's cookies are made for a third-party frame.
public sealed class FramingTests(SsoFactory factory) : IClassFixture<SsoFactory>, IAsyncLifetime
{
    private LtiPlatformSimulator _lms = null!;
    private Institution _a = null!;
    private Institution _b = null!;

    public async Task InitializeAsync()
    {
        _lms = await LtiPlatformSimulator.StartAsync();
        _a = await factory.InstitutionAsync("frame-" + Guid.NewGuid().ToString("N")[..8], "Frame A");
        _b = await factory.InstitutionAsync("frame-" + Guid.NewGuid().ToString("N")[..8], "Frame B");
        await _lms.RegisterAsync(factory, _a);
        await RegisterAsync(_a, "https://moodle.a.example.org", "https://login.a.example.org/auth");
        await RegisterAsync(_b, "https://canvas.b.example.org", "https://canvas.b.example.org/api/lti/authorize_redirect");
        var course = await factory.CourseAsync(_a, "ethics", "Ethics");
        await factory.ModuleAsync(_a, course, "week-1", "Week 1", ["What is a good life?"]);
    }

    public async Task DisposeAsync() => await _lms.DisposeAsync();

    private Task<LtiPlatform> RegisterAsync(Institution institution, string issuer, string authenticationUrl) =>
        factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            var platform = new LtiPlatform
            {
                DisplayName = "LMS of " + institution.Name,
                Issuer = issuer,
                ClientId = "client-" + Guid.NewGuid().ToString("N")[..6],
                DeploymentIds = ["1"],
                AuthenticationUrl = authenticationUrl,
                TokenUrl = issuer + "/token",
                KeySetUrl = issuer + "/jwks",
                CreatedAt = factory.Clock.GetUtcNow(),
                UpdatedAt = factory.Clock.GetUtcNow(),
            };
            db.LtiPlatforms.Add(platform);
            await db.SaveChangesAsync();
            return platform;
        });

    private static string FrameAncestors(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single().Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("frame-ancestors ", StringComparison.Ordinal));

    [Fact]
    public async Task Lti_pages_may_be_framed_by_the_institutions_own_platforms_only()
    {
        var browser = factory.CreateBrowserLikeClient();

        using var atA = await browser.GetAsync($"/{_a.Slug}/lti/login");
        using var atB = await browser.GetAsync($"/{_b.Slug}/lti/login");
        using var plainPage = await browser.GetAsync($"/{_a.Slug}/");

        Assert.Equal($"frame-ancestors {_lms.Issuer} https://login.a.example.org https://moodle.a.example.org", FrameAncestors(atA));
        Assert.False(atA.Headers.Contains("X-Frame-Options"));
        Assert.Equal("frame-ancestors https://canvas.b.example.org", FrameAncestors(atB));
        Assert.Equal("frame-ancestors 'none'", FrameAncestors(plainPage));
        Assert.Equal("DENY", plainPage.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task A_session_started_by_a_launch_is_framable_by_its_lms_and_its_cookies_work_in_a_third_party_frame()
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        var person = new LaunchPerson("sub-ada", "Ada", $"ada.{_a.Slug}@lms.example.org", [LtiPlatformSimulator.Learner], "context-1",
            new() { ["course"] = "ethics", ["module"] = "week-1" });
        var launchUrl = $"https://localhost/{_a.Slug}/lti/launch";
        var login = await _lms.LoginToAsync(browser, _a.Slug, launchUrl);

        using var launched = await LtiPlatformSimulator.PostLaunchOnlyAsync(browser, _a.Slug,
            _lms.IdToken(login["nonce"], person, factory.Clock.GetUtcNow(), claims => claims["https://purl.imsglobal.org/spec/lti/claim/target_link_uri"] = launchUrl),
            login["state"]);

        Assert.Equal(HttpStatusCode.Redirect, launched.StatusCode);
        var session = launched.Headers.GetValues("Set-Cookie").Single(c => c.Contains("cosie.session=", StringComparison.Ordinal));
        Assert.Contains("samesite=none", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);

        using var continued = await browser.GetAsync(launched.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, continued.StatusCode);
        using var module = await browser.GetAsync(continued.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, module.StatusCode);
        Assert.Contains(_lms.Issuer, FrameAncestors(module), StringComparison.Ordinal);
        Assert.DoesNotContain("canvas.b.example.org", FrameAncestors(module), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_static_asset_of_a_framed_session_is_served_without_the_lms_origins()
    {
        var browser = factory.CreateBrowserLikeClient();
        using var launched = await _lms.LaunchAsync(browser, _a.Slug, new LaunchPerson("sub-cy", "Cy", $"cy.{_a.Slug}@lms.example.org",
            [LtiPlatformSimulator.Learner], "context-1", new() { ["course"] = "ethics" }), factory.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.Redirect, launched.StatusCode);

        using var page = await browser.GetAsync(launched.Headers.Location);
        using var asset = await browser.GetAsync($"/{_a.Slug}/css/site.css");

        Assert.Contains(_lms.Issuer, FrameAncestors(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.DoesNotContain(_lms.Issuer, string.Join(' ', asset.Headers.TryGetValues("Content-Security-Policy", out var csp) ? csp : []), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_session_keeps_its_lax_cookie()
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var login = await browser.GetAsync("/Account/Login");

        var antiforgery = login.Headers.GetValues("Set-Cookie").Single(c => c.Contains("cosie.af", StringComparison.Ordinal));
        Assert.DoesNotContain("samesite=none", antiforgery, StringComparison.OrdinalIgnoreCase);
    }
}
