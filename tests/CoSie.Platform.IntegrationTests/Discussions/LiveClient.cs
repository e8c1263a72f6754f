using System.Threading.Channels;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Features.Discussions.Live;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CoSie.Platform.IntegrationTests.Discussions;

// A real SignalR client over the test server, signed in with a session cookie, recording what it receives.
public sealed class LiveClient : IAsyncDisposable
{
    private readonly Channel<(string Event, object? Payload)> _received = Channel.CreateUnbounded<(string, object?)>();

    private LiveClient(HubConnection connection)
    {
        Connection = connection;
        foreach (var name in new[] { "ReplyPosted", "PostEdited", "PostDeleted", "HelpfulChanged", "PostModerated", "ReflectionPosted", "ThreadActivity" })
        {
            connection.On<ThreadEventMessage>(name, m => _received.Writer.TryWrite((name, m)));
        }
        connection.On<NotificationBadgeMessage>("NotificationReceived", m => _received.Writer.TryWrite(("NotificationReceived", m)));
        connection.On<CoSie.Platform.Web.Features.Proposals.ProposalChangeMessage>("ProposalsChanged", m => _received.Writer.TryWrite(("ProposalsChanged", m)));
        connection.On<CoSie.Platform.Web.Features.Synthesis.SynthesisUpdateMessage>("SynthesisUpdated", m => _received.Writer.TryWrite(("SynthesisUpdated", m)));
        connection.On<CoSie.Platform.Web.Features.Synthesis.SynthesisPresenceMessage>("SynthesisPresenceChanged", m => _received.Writer.TryWrite(("SynthesisPresenceChanged", m)));
        connection.On<Guid>("AccessEnded", id => _received.Writer.TryWrite(("AccessEnded", id)));
        connection.On("SessionEnded", () => _received.Writer.TryWrite(("SessionEnded", null)));
        connection.Reconnected += _ =>
        {
            _received.Writer.TryWrite(("Reconnected", null));
            return Task.CompletedTask;
        };
        connection.Closed += _ =>
        {
            _received.Writer.TryWrite(("Closed", null));
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    public static async Task<LiveClient> ConnectAsync(PlatformFactory factory, PlatformUser user, string? origin = null)
    {
        var cookie = await factory.SessionCookieHeaderAsync(user);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/discussions"), options =>
            {
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.Headers["Cookie"] = cookie;
                if (origin is not null)
                {
                    options.Headers["Origin"] = origin;
                }
            })
            .Build();
        var client = new LiveClient(connection);
        await connection.StartAsync();
        return client;
    }

    // A client over the network, as a page in a browser is: WebSockets, and automatic reconnects through the same
    // address (behind a proxy, to whichever instance answers).
    public static async Task<LiveClient> ConnectAsync(Uri server, string cookie)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/discussions"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.Headers["Cookie"] = cookie;
            })
            .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)])
            .Build();
        var client = new LiveClient(connection);
        await connection.StartAsync();
        return client;
    }

    public Task<JoinResult> JoinAsync(string institution, Guid reflectionId, long afterSequence = 0) =>
        Connection.InvokeAsync<JoinResult>("JoinThread", institution, reflectionId, afterSequence);

    // The next event of this kind (others are skipped), or a failure after the timeout.
    public async Task<T> NextAsync<T>(string name, int seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (true)
        {
            var (received, payload) = await _received.Reader.ReadAsync(timeout.Token);
            if (received == name)
            {
                return (T)payload!;
            }
        }
    }

    public async Task<bool> ReceivesAsync(string name, int seconds = 10)
    {
        try
        {
            await NextAsync<object?>(name, seconds);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public List<string> Drain()
    {
        var names = new List<string>();
        while (_received.Reader.TryRead(out var item))
        {
            names.Add(item.Event);
        }
        return names;
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
