using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CoSie.Platform.Bench;

// Live readers over WebSockets, as the thread page's script connects them: each signs in with a member's session,
// joins one thread and notes when each pushed reply arrives.
public sealed class LiveClients : IAsyncDisposable
{
    private readonly List<HubConnection> _hubs = [];
    private int _closed;

    public ConcurrentDictionary<Guid, ConcurrentBag<long>> Received { get; } = new();

    public int Count => _hubs.Count;

    // Connections that ended before the clients were disposed (the server closed them, or the network failed).
    public int Closed => Volatile.Read(ref _closed);

    public static async Task<LiveClients> OpenAsync(Uri baseAddress, IReadOnlyList<Session> members, IReadOnlyList<Guid> threads, int connections)
    {
        var clients = new LiveClients();
        for (var batch = 0; batch < connections; batch += 50)
        {
            var opening = Enumerable.Range(batch, Math.Min(50, connections - batch)).Select(i =>
                clients.OpenOneAsync(baseAddress, members[i % members.Count], threads[i % threads.Count]));
            clients._hubs.AddRange(await Task.WhenAll(opening));
        }
        return clients;
    }

    private async Task<HubConnection> OpenOneAsync(Uri baseAddress, Session member, Guid reflectionId)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/discussions"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Cookies = new CookieContainer();
                o.Cookies.Add(baseAddress, new Cookie("cosie.session", member.SessionCookie, "/"));
            })
            .Build();
        hub.On<ReplyEvent>("ReplyPosted", message => Received.GetOrAdd(message.PostId, _ => []).Add(Stopwatch.GetTimestamp()));
        hub.Closed += _ =>
        {
            Interlocked.Increment(ref _closed);
            return Task.CompletedTask;
        };
        await hub.StartAsync();
        var joined = await hub.InvokeAsync<JoinReply>("JoinThread", BenchSeeder.Institution, reflectionId, 0L);
        return joined.Joined ? hub : throw new InvalidOperationException($"A reader was not admitted to the thread: {joined.Refusal}");
    }

    public int ReceivedOf(Guid postId) => Received.TryGetValue(postId, out var bag) ? bag.Count : 0;

    public async ValueTask DisposeAsync()
    {
        var open = _hubs.ToList();
        _hubs.Clear();
        // Ending them is not a failure of the server.
        Interlocked.Add(ref _closed, -open.Count);
        await Task.WhenAll(open.Select(h => h.DisposeAsync().AsTask()));
    }

#pragma warning disable CA1812 // Created by the SignalR client's deserializer.
    private sealed record ReplyEvent(Guid ReflectionId, long Sequence, Guid PostId);
    private sealed record JoinReply(bool Joined, string? Refusal);
#pragma warning restore CA1812
}
