using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure.Oidc;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Lti.Framing;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Lti;

// A launch goes through the tool's continue step: a browser that sent the session's cookie back from the LMS's frame
// lands at its place; one that refused it (third-party cookies blocked) gets the offer to open the tool in a window of
// its own, whose address signs the person in once, within minutes, and only at the institution of the launch.
public sealed class NewWindowFallbackTests(SsoFactory factory) : IClassFixture<SsoFactory>, IAsyncLifetime
{
    private LtiPlatformSimulator _lms = null!;
    private Institution _a = null!;
    private Institution _b = null!;

    public async Task InitializeAsync()
    {
        _lms = await LtiPlatformSimulator.StartAsync();
        _a = await factory.InstitutionAsync("window-" + Guid.NewGuid().ToString("N")[..8], "Window A");
        _b = await factory.InstitutionAsync("window-" + Guid.NewGuid().ToString("N")[..8], "Window B");
        await _lms.RegisterAsync(factory, _a);
        await _lms.RegisterAsync(factory, _b);
        await factory.CourseAsync(_a, "ethics", "Ethics");
        await factory.CourseAsync(_b, "ethics", "Ethics at B");
    }

    public async Task DisposeAsync() => await _lms.DisposeAsync();

    private LaunchPerson Person(string name) =>
        new("sub-" + name, name, $"{name}.{_a.Slug}@lms.example.org", [LtiPlatformSimulator.Learner], "context-1", new() { ["course"] = "ethics" });

    // A launch at A by a browser that keeps its cookies for the login and the launch's post; the address of the
    // continue step it is sent to.
    private async Task<string> LaunchAsync(HttpClient browser, string name)
    {
        var login = await _lms.LoginAsync(browser, _a.Slug);
        using var launched = await LtiPlatformSimulator.PostLaunchOnlyAsync(browser, _a.Slug, _lms.IdToken(login["nonce"], Person(name), factory.Clock.GetUtcNow()), login["state"]);
        Assert.True(LtiPlatformSimulator.GoesToContinue(launched), $"The launch answered {(int)launched.StatusCode} {launched.Headers.Location}");
        return launched.Headers.Location!.OriginalString;
    }

    // The continue step in a frame whose browser withheld the session's cookie; the new-window link it offers.
    private async Task<string> FallbackLinkAsync(string name)
    {
        var continueAddress = await LaunchAsync(factory.CreateBrowserLikeClient(), name);
        using var fallback = await factory.CreateBrowserLikeClient().GetAsync(continueAddress);
        Assert.Equal(HttpStatusCode.OK, fallback.StatusCode);
        return (await fallback.ParseAsync()).QuerySelector("#lti-open")!.GetAttribute("href")!;
    }

    private Task<Guid> CohortAsync() =>
        factory.InInstitutionAsync(_a.Id, (_, db) => db.LtiContexts.AsNoTracking().Select(c => c.CohortId).SingleAsync());

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("was used already or has expired", (await response.ParseAsync()).QuerySelector("#lti-refusal")!.TextContent, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.Contains("cosie.session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_browser_that_sends_the_cookie_back_lands_at_the_target_and_uses_the_ticket_up()
    {
        var browser = factory.CreateBrowserLikeClient();
        var continueAddress = await LaunchAsync(browser, "ada");

        using var continued = await browser.GetAsync(continueAddress);

        Assert.Equal(HttpStatusCode.Redirect, continued.StatusCode);
        Assert.Equal($"/{_a.Slug}/cohorts/{await CohortAsync()}", continued.Headers.Location!.OriginalString);
        using var cohort = await browser.GetAsync(continued.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, cohort.StatusCode);
        using var again = await factory.CreateBrowserLikeClient().GetAsync(continueAddress.Replace("/lti/continue", "/lti/open", StringComparison.Ordinal));
        await AssertRefusedAsync(again);
    }

    [Fact]
    public async Task A_frame_that_withheld_the_cookie_gets_the_offer_to_open_a_new_window()
    {
        var continueAddress = await LaunchAsync(factory.CreateBrowserLikeClient(), "bo");

        using var fallback = await factory.CreateBrowserLikeClient().GetAsync(continueAddress);

        Assert.Equal(HttpStatusCode.OK, fallback.StatusCode);
        var page = await fallback.ParseAsync();
        Assert.Equal("Your browser blocked the platform inside the LMS", page.QuerySelector("h1")!.TextContent);
        var link = page.QuerySelector("#lti-open")!;
        Assert.Equal("Open in a new window", link.TextContent);
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("noopener", link.GetAttribute("rel"));
        Assert.StartsWith($"/{_a.Slug}/lti/open?ticket=", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.True(fallback.Headers.CacheControl!.NoStore);
        Assert.Contains(_lms.Issuer, fallback.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    // The usual blocking browser: it already kept no cookie of the login in the frame, so the launch comes back without
    // the state's cookie. It uses nothing of that launch and offers the same login, started again in a window of its own;
    // that window, with first-party cookies, goes through the whole login and lands the person.
    [Fact]
    public async Task A_launch_that_came_back_without_the_logins_cookie_offers_the_same_login_again_in_a_new_window()
    {
        var login = await _lms.LoginAsync(factory.CreateBrowserLikeClient(), _a.Slug);
        var people = await factory.InInstitutionAsync(_a.Id, (_, db) => db.Users.CountAsync());

        using var launched = await LtiPlatformSimulator.PostLaunchOnlyAsync(
            factory.CreateBrowserLikeClient(), _a.Slug, _lms.IdToken(login["nonce"], Person("cy"), factory.Clock.GetUtcNow()), login["state"]);

        Assert.Equal(HttpStatusCode.OK, launched.StatusCode);
        var page = await launched.ParseAsync();
        Assert.Equal("Your browser blocked the platform inside the LMS", page.QuerySelector("h1")!.TextContent);
        var link = page.QuerySelector("#lti-open")!;
        Assert.Equal("_blank", link.GetAttribute("target"));
        var address = link.GetAttribute("href")!;
        Assert.StartsWith($"/{_a.Slug}/lti/login?", address, StringComparison.Ordinal);
        Assert.Equal(people, await factory.InInstitutionAsync(_a.Id, (_, db) => db.Users.CountAsync()));
        Assert.False(launched.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.Contains("cosie.session=", StringComparison.Ordinal)));

        // The new window: the link starts a login of its own with the LMS's parameters, and that login lands.
        var window = factory.CreateBrowserLikeClient();
        using var restarted = await window.GetAsync(address);
        Assert.Equal(HttpStatusCode.Redirect, restarted.StatusCode);
        var again = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(restarted.Headers.Location!.Query);
        Assert.Equal("hint-42", again["login_hint"].ToString());
        Assert.Equal("message-hint-7", again["lti_message_hint"].ToString());
        Assert.NotEqual(login["state"], again["state"].ToString());
        using var landed = await LtiPlatformSimulator.PostLaunchAsync(
            window, _a.Slug, _lms.IdToken(again["nonce"].ToString(), Person("cy"), factory.Clock.GetUtcNow()), again["state"].ToString());
        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        Assert.Equal($"/{_a.Slug}/cohorts/{await CohortAsync()}", landed.Headers.Location!.OriginalString);
    }

    // A state of institution A posted to B's launch is refused outright, with no new-window offer.
    [Fact]
    public async Task A_state_of_another_institution_gets_no_new_window_offer()
    {
        var login = await _lms.LoginAsync(factory.CreateBrowserLikeClient(), _a.Slug);

        using var launched = await LtiPlatformSimulator.PostLaunchOnlyAsync(
            factory.CreateBrowserLikeClient(), _b.Slug, _lms.IdToken(login["nonce"], Person("di"), factory.Clock.GetUtcNow()), login["state"]);

        var page = await launched.ParseAsync();
        Assert.Null(page.QuerySelector("#lti-open"));
        Assert.NotNull(page.QuerySelector("#lti-refusal"));
    }

    [Fact]
    public async Task The_new_window_link_signs_the_person_in_once_and_lands_at_the_target()
    {
        var link = await FallbackLinkAsync("cy");
        var window = factory.CreateBrowserLikeClient();

        using var opened = await window.GetAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/{_a.Slug}/cohorts/{await CohortAsync()}", opened.Headers.Location!.OriginalString);
        using var cohort = await window.GetAsync(opened.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, cohort.StatusCode);

        using var second = await factory.CreateBrowserLikeClient().GetAsync(link);
        await AssertRefusedAsync(second);
        Assert.Equal(0, await factory.InInstitutionAsync(_a.Id, (_, db) => db.LtiLaunchTickets.CountAsync()));
    }

    [Fact]
    public async Task An_expired_new_window_link_is_refused()
    {
        var link = await FallbackLinkAsync("dee");
        factory.Clock.Advance(LaunchTickets.Lifetime + TimeSpan.FromSeconds(1));

        using var opened = await factory.CreateBrowserLikeClient().GetAsync(link);

        await AssertRefusedAsync(opened);
    }

    [Fact]
    public async Task A_ticket_of_institution_a_signs_nobody_in_at_institution_b_and_stays_usable_at_a()
    {
        var link = await FallbackLinkAsync("eve");
        var ticket = link[(link.IndexOf("ticket=", StringComparison.Ordinal) + "ticket=".Length)..];

        using var atB = await factory.CreateBrowserLikeClient().GetAsync($"/{_b.Slug}/lti/open?ticket={ticket}");
        using var continueAtB = await factory.CreateBrowserLikeClient().GetAsync($"/{_b.Slug}/lti/continue?ticket={ticket}");

        await AssertRefusedAsync(atB);
        await AssertRefusedAsync(continueAtB);
        using var atA = await factory.CreateBrowserLikeClient().GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, atA.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("made-up")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_unknown_ticket_is_refused_at_both_steps(string ticket)
    {
        using var opened = await factory.CreateBrowserLikeClient().GetAsync($"/{_a.Slug}/lti/open?ticket={ticket}");
        using var continued = await factory.CreateBrowserLikeClient().GetAsync($"/{_a.Slug}/lti/continue?ticket={ticket}");

        await AssertRefusedAsync(opened);
        await AssertRefusedAsync(continued);
    }
}
