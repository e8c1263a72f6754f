using System.Net;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Features.Discussions.Live;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.ScaleOut;

// Each instance keeps a small cache of account stamps; ending a session on one instance must reach the others before
// it answers, so an old cookie is refused at once wherever it is replayed.
public sealed class ScaleOutSessionTests(ScaleOutFactory factory) : IClassFixture<ScaleOutFactory>
{
    private Uri A => factory.ServerAddress;
    private Uri B => factory.InstanceB.ServerAddress;

    [Fact]
    public async Task A_cookie_captured_before_signing_out_on_one_instance_is_refused_by_the_other_right_after()
    {
        await factory.UserAsync("replay@scale.test");
        var cookies = new CookieContainer();
        using var onA = Http(A, cookies);
        await onA.SignInAsync("replay@scale.test");
        var captured = cookies.GetCookies(A)[SessionCookies.Session]!.Value;
        // B has read the account's stamp and keeps it.
        Assert.Equal(HttpStatusCode.OK, await StatusOnAsync(B, captured));

        using var signedOut = await onA.SubmitAsync("/Account/Logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await StatusOnAsync(B, captured));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOnAsync(A, captured));
    }

    [Fact]
    public async Task An_account_disabled_on_one_instance_loses_its_pages_and_live_connections_on_the_other_at_once()
    {
        var cohort = await factory.OpenCohortAsync("Disabled across");
        var person = await factory.LearnerAsync(cohort, "Dis Across");
        var header = await factory.SessionCookieHeaderAsync(person);
        var cookie = header[(header.IndexOf('=', StringComparison.Ordinal) + 1)..];
        Assert.Equal(HttpStatusCode.OK, await StatusOnAsync(A, cookie));
        await using var live = await LiveClient.ConnectAsync(A, header);
        await live.Connection.InvokeAsync("LeaveThread", Guid.NewGuid());

        await factory.InstanceB.UpdateUserAsync(person.Email!, u => u.IsDisabled = true);

        Assert.Equal(HttpStatusCode.Redirect, await StatusOnAsync(A, cookie));
        Assert.True(await live.ReceivesAsync("SessionEnded", 5), "A did not end the live connection within seconds.");
        Assert.Empty(factory.Services.GetRequiredService<LiveConnections>().Of(person.Id));
    }

    private static async Task<HttpStatusCode> StatusOnAsync(Uri server, string sessionCookie)
    {
        var cookies = new CookieContainer();
        cookies.Add(server, new Cookie(SessionCookies.Session, sessionCookie, "/"));
        using var client = Http(server, cookies);
        using var response = await client.GetAsync("/Account/Manage");
        return response.StatusCode;
    }

    private static HttpClient Http(Uri server, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = server };
}
