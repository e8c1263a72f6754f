using System.Net;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Security;

// A new password, signing out, or an account disabled or deleted by an admin ends the person's other sessions and
// their live connections within a minute: the other device's cookie is refused on its next request, and a live page
// is closed and hears nothing more of the thread it followed (while another reader of that thread still does).
public sealed class LiveCutOffTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private static readonly TimeSpan PromisedMinute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_new_password_ends_the_other_sessions_and_live_connections()
    {
        var scene = await SceneAsync("Cut-off password");
        var here = factory.CreateBrowserLikeClient();
        await here.SignInAsync(scene.Person.Email!);

        using var changed = await here.SubmitAsync("/Account/Manage/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Seed.Password,
            ["Input.NewPassword"] = "a brand new passphrase here",
            ["Input.ConfirmPassword"] = "a brand new passphrase here",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        await AssertCutOffAsync(scene);
        using var stillHere = await here.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_other_sessions_and_live_connections()
    {
        var scene = await SceneAsync("Cut-off sign-out");
        var here = factory.CreateBrowserLikeClient();
        await here.SignInAsync(scene.Person.Email!);

        using var signedOut = await here.SubmitAsync("/Account/Logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        await AssertCutOffAsync(scene);
    }

    [Fact]
    public async Task A_disabled_account_loses_its_sessions_and_live_connections_within_a_minute()
    {
        var scene = await SceneAsync("Cut-off disabled");

        await factory.UpdateUserAsync(scene.Person.Email!, u => u.IsDisabled = true);

        await AssertCutOffAsync(scene);
    }

    [Fact]
    public async Task A_deleted_account_loses_its_sessions_and_live_connections_within_a_minute()
    {
        var scene = await SceneAsync("Cut-off deleted");

        await factory.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            var result = await users.DeleteAsync((await users.FindByIdAsync(scene.Person.Id.ToString()))!);
            Assert.True(result.Succeeded);
            return true;
        });

        await AssertCutOffAsync(scene);
    }

    // The person follows a thread live from one device and is signed in on another; a second reader follows it too.
    private async Task<Scene> SceneAsync(string name)
    {
        var cohort = await factory.OpenCohortAsync(name);
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, $"{name} author"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Follow this.");
        var person = await factory.LearnerAsync(cohort, $"{name} person");
        var elsewhere = await factory.CreateClientAsAsync(person);
        using (var before = await elsewhere.GetAsync("/Account/Manage"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }
        var live = await LiveClient.ConnectAsync(factory, person);
        Assert.True((await live.JoinAsync(factory.A.Slug, reflectionId, afterSequence: 1)).Joined);
        var watcher = await LiveClient.ConnectAsync(factory, await factory.LearnerAsync(cohort, $"{name} watcher"));
        Assert.True((await watcher.JoinAsync(factory.A.Slug, reflectionId, afterSequence: 1)).Joined);
        return new Scene(cohort, person, author, reflectionId, elsewhere, live, watcher);
    }

    private async Task AssertCutOffAsync(Scene scene)
    {
        factory.Clock.Advance(PromisedMinute);

        Assert.True(await scene.Live.ReceivesAsync("Closed"), "The live connection was not closed.");
        Assert.Equal(HubConnectionState.Disconnected, scene.Live.Connection.State);
        var replyId = await factory.ReplyAsync(scene.Author, scene.Cohort, scene.ReflectionId, "Anyone still here?");
        Assert.Equal(replyId, (await scene.Watcher.NextAsync<Web.Features.Discussions.Live.ThreadEventMessage>("ReplyPosted")).PostId);
        Assert.DoesNotContain("ReplyPosted", scene.Live.Drain());

        using var refused = await scene.Elsewhere.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/Login", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        await scene.Live.DisposeAsync();
        await scene.Watcher.DisposeAsync();
    }

    private sealed record Scene(
        Cohort Cohort, PlatformUser Person, HttpClient Author, Guid ReflectionId, HttpClient Elsewhere, LiveClient Live, LiveClient Watcher);
}
