using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CoSie.Platform.IntegrationTests.Discussions;

// Hub calls past the per-connection budget (Discussions:HubCallBurst, HubCallsPerSecond) get a message a page can
// show; a connection that keeps calling after that (Discussions:HubRefusalsBeforeClose within HubRefusalWindowSeconds)
// is closed. Both are per connection: the same person's other connections keep working.
public sealed class HubFloodTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private const string SlowDown = "Slow down: too many live requests in a short time. Wait a moment and try again.";
    private const string Closed = "Too many requests: live updates on this page stop now. Reload the page to get them again.";

    private string Institution => factory.A.Slug;

    private async Task<(PlatformUser User, Guid ReflectionId)> ThreadAsync(string name)
    {
        var cohort = await factory.OpenCohortAsync(name);
        var user = await factory.LearnerAsync(cohort, $"{name} Learner");
        var client = await factory.CreateClientAsAsync(user);
        return (user, await factory.WriteReflectionAsync(client, cohort, "Calm down."));
    }

    // Calls as fast as the client can until the hub refuses one; the refusals' messages, in order.
    private async Task<List<string>> FloodAsync(LiveClient live, Guid reflectionId, int refusals)
    {
        var messages = new List<string>();
        for (var call = 0; call < 500 && messages.Count < refusals; call++)
        {
            try
            {
                await live.JoinAsync(Institution, reflectionId);
            }
            catch (HubException error)
            {
                messages.Add(Shown(error));
            }
            catch (Exception) when (messages.Count > 0)
            {
                // Not an answer but the end of the connection.
                break;
            }
        }
        return messages;
    }

    // SignalR puts its own words before a HubException's message; a page shows what follows them.
    private static string Shown(HubException error)
    {
        const string marker = "HubException: ";
        var at = error.Message.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? error.Message : error.Message[(at + marker.Length)..];
    }

    [Fact]
    public async Task A_short_flood_is_told_to_slow_down_in_words_a_page_can_show_and_stays_connected()
    {
        var (user, reflectionId) = await ThreadAsync("Short flood");
        await using var live = await LiveClient.ConnectAsync(factory, user);

        var messages = await FloodAsync(live, reflectionId, refusals: 3);

        Assert.Equal([SlowDown, SlowDown, SlowDown], messages);
        Assert.Equal(HubConnectionState.Connected, live.Connection.State);
        Assert.False(await live.ReceivesAsync("Closed", seconds: 1));
    }

    [Fact]
    public async Task A_connection_that_keeps_flooding_is_closed_with_a_message_and_others_keep_working()
    {
        var (user, reflectionId) = await ThreadAsync("Long flood");
        await using var calm = await LiveClient.ConnectAsync(factory, user);
        await using var flooder = await LiveClient.ConnectAsync(factory, user);

        var messages = await FloodAsync(flooder, reflectionId, refusals: 1_000);

        Assert.Equal(Closed, messages[^1]);
        Assert.All(messages[..^1], message => Assert.Equal(SlowDown, message));
        Assert.True(await flooder.ReceivesAsync("Closed"));
        Assert.Equal(HubConnectionState.Disconnected, flooder.Connection.State);
        Assert.True((await calm.JoinAsync(Institution, reflectionId)).Joined);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x07)]
    [InlineData(0x1B)]
    [InlineData(0x7F)]
    [InlineData(0x85)]
    public async Task A_text_argument_with_a_control_character_gets_a_clear_error_and_the_connection_goes_on(int code)
    {
        var (user, reflectionId) = await ThreadAsync($"Control {code}");
        await using var live = await LiveClient.ConnectAsync(factory, user);
        var institution = Institution[..1] + (char)code + Institution[1..];

        var joining = await Assert.ThrowsAsync<HubException>(() => live.JoinAsync(institution, reflectionId));
        var watching = await Assert.ThrowsAsync<HubException>(() =>
            live.Connection.InvokeAsync<bool>("WatchPrompt", institution, Guid.NewGuid(), Guid.NewGuid()));

        const string expected = "The request was refused: it contains control characters, which no name or address has.";
        Assert.Equal(expected, Shown(joining));
        Assert.Equal(expected, Shown(watching));
        Assert.True((await live.JoinAsync(Institution, reflectionId)).Joined);
    }
}
