using System.Net;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Security;

// A session ends when the person says so: a session cookie captured before signing out, a new password or the
// account's deletion is refused on its very next request, with no time passing, and a live connection of the account
// ends within seconds. (Across instances: ScaleOut/ScaleOutSessionTests; by a platform admin: AccountAdministrationTests.)
public sealed class SessionEndTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private static readonly TimeSpan LiveCutOff = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_cookie_captured_before_signing_out_is_refused_right_after()
    {
        await factory.UserAsync("replay@example.org");
        var browser = factory.CreateBrowserLikeClient();
        var captured = await SignInCapturingAsync(browser, "replay@example.org");
        await AssertOpensAsync(captured);

        using var signedOut = await browser.SubmitAsync("/Account/Logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        await AssertRefusedAsync(captured);
    }

    [Fact]
    public async Task Signing_out_on_one_device_ends_the_session_of_another_at_once()
    {
        await factory.UserAsync("two-devices@example.org");
        var laptop = factory.CreateBrowserLikeClient();
        await laptop.SignInAsync("two-devices@example.org");
        var phone = await SignInCapturingAsync(factory.CreateBrowserLikeClient(), "two-devices@example.org");
        await AssertOpensAsync(phone);

        using var signedOut = await laptop.SubmitAsync("/Account/Logout", new Dictionary<string, string>());

        await AssertRefusedAsync(phone);
    }

    [Fact]
    public async Task A_new_password_ends_the_other_sessions_at_once_and_keeps_this_one()
    {
        await factory.UserAsync("new-password@example.org");
        var here = factory.CreateBrowserLikeClient();
        await here.SignInAsync("new-password@example.org");
        var elsewhere = await SignInCapturingAsync(factory.CreateBrowserLikeClient(), "new-password@example.org");
        await AssertOpensAsync(elsewhere);

        using var changed = await here.SubmitAsync("/Account/Manage/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Seed.Password,
            ["Input.NewPassword"] = "a brand new passphrase here",
            ["Input.ConfirmPassword"] = "a brand new passphrase here",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        await AssertRefusedAsync(elsewhere);
        using var stillHere = await here.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
    }

    [Fact]
    public async Task Deleting_the_account_on_one_device_ends_the_session_of_another_at_once()
    {
        await factory.UserAsync("leaving@example.org");
        var here = factory.CreateBrowserLikeClient();
        await here.SignInAsync("leaving@example.org");
        var elsewhere = await SignInCapturingAsync(factory.CreateBrowserLikeClient(), "leaving@example.org");
        await AssertOpensAsync(elsewhere);
        Assert.True(await SignedInOnHomePageAsync(elsewhere));

        using var deleted = await here.SubmitAsync("/Account/Manage/Delete", new Dictionary<string, string>
        {
            ["Input.Password"] = Seed.Password,
            ["Input.Confirm"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        // The account pages send anyone whose account they cannot find to sign in; the home page shows whether the
        // session itself was refused.
        Assert.False(await SignedInOnHomePageAsync(elsewhere), "The deleted account's other session still counts as signed in.");
        await AssertRefusedAsync(elsewhere);
    }

    [Fact]
    public async Task An_account_disabled_outside_the_admin_pages_loses_its_pages_and_live_connections_at_once()
    {
        var cohort = await factory.OpenCohortAsync("Session end disabled");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Session end author"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Still following?");
        var person = await factory.LearnerAsync(cohort, "Session end person");
        var cookie = await factory.SessionCookieHeaderAsync(person);
        await AssertOpensAsync(cookie);
        await using var live = await LiveClient.ConnectAsync(factory, person);
        Assert.True((await live.JoinAsync(factory.A.Slug, reflectionId, afterSequence: 1)).Joined);

        await factory.UpdateUserAsync(person.Email!, u => u.IsDisabled = true);

        await AssertRefusedAsync(cookie);
        Assert.True(await live.ReceivesAsync("Closed", (int)LiveCutOff.TotalSeconds), "The live connection was not closed within seconds.");
        Assert.Equal(HubConnectionState.Disconnected, live.Connection.State);
    }

    [Fact]
    public async Task A_deleted_account_loses_its_live_connections_within_seconds()
    {
        var cohort = await factory.OpenCohortAsync("Session end deleted");
        var person = await factory.LearnerAsync(cohort, "Session end deleted person");
        await using var live = await LiveClient.ConnectAsync(factory, person);
        await live.Connection.InvokeAsync("LeaveThread", Guid.NewGuid());

        await factory.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(person.Id.ToString()))!)).Succeeded);
            return true;
        });

        Assert.True(await live.ReceivesAsync("Closed", (int)LiveCutOff.TotalSeconds), "The live connection was not closed within seconds.");
    }

    // Signs in through the login form and returns the session cookie it set, as someone copying it would hold it.
    private static async Task<string> SignInCapturingAsync(HttpClient browser, string email)
    {
        using var response = await browser.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Seed.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SessionCookies.Session + "=", StringComparison.Ordinal));
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private async Task AssertOpensAsync(string cookie)
    {
        using var response = await Replay(cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task AssertRefusedAsync(string cookie)
    {
        using var response = await Replay(cookie);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    // The layout offers signing out to whoever the cookie names, without reading the account.
    private async Task<bool> SignedInOnHomePageAsync(string cookie)
    {
        using var response = await Replay(cookie, "/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ParseAsync()).QuerySelector("form[action='/Account/Logout']") is not null;
    }

    private Task<HttpResponseMessage> Replay(string cookie, string url = "/Account/Manage")
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }
}
