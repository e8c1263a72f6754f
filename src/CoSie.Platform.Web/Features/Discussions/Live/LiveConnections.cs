using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace CoSie.Platform.Web.Features.Discussions.Live;

// The live connections of this app instance, so that losing access can cut them off: leaving a cohort removes the
// person from its groups; signing out or a new password ends their connections. With several instances, each
// cut-off is also relayed to the others (LiveCutOffRelay), which apply it to the connections they hold. The end of a
// person's sessions travels the same way, so each instance also forgets the account's cached stamp (SessionCheck).
public sealed class LiveConnections(
    IHubContext<DiscussionHub, IDiscussionClient> hub, LiveCutOffRelay relay, SessionCheck sessions, ILogger<LiveConnections> logger)
    : ISessionEnder
{
    private readonly ConcurrentDictionary<string, LiveConnection> _connections = new(StringComparer.Ordinal);

    public void Add(LiveConnection connection) => _connections[connection.Context.ConnectionId] = connection;

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    public LiveConnection? Find(string connectionId) => _connections.GetValueOrDefault(connectionId);

    public IEnumerable<LiveConnection> Of(Guid userId) => _connections.Values.Where(c => c.UserId == userId);

    public IReadOnlyList<LiveConnection> All() => [.. _connections.Values];

    // Takes the person out of the groups that match, on every instance, and tells their pages.
    public async Task RevokeAsync(LiveCutOff cutOff)
    {
        await ApplyAsync(cutOff);
        await relay.PublishAsync(cutOff);
    }

    public Task LeftCohortAsync(Guid userId, Guid cohortId) => RevokeAsync(LiveCutOff.Cohort(userId, cohortId));

    // Signing out, a changed password, a disabled or deleted account (PlatformUserManager): every session and live
    // connection of the person ends.
    public Task EndSessionsAsync(Guid userId) => RevokeAsync(LiveCutOff.Session(userId));

    // The connections this instance holds: for cut-offs made here and for those another instance relays.
    public async Task ApplyAsync(LiveCutOff cutOff)
    {
        if (cutOff.EndSession)
        {
            sessions.Forget(cutOff.UserId);
        }
        foreach (var connection in Of(cutOff.UserId).ToList())
        {
            if (cutOff.EndSession)
            {
                await EndAsync(connection);
                continue;
            }
            foreach (var group in connection.Groups.Values.Where(cutOff.Matches).ToList())
            {
                connection.Groups.TryRemove(group.Name, out _);
                await hub.Groups.RemoveFromGroupAsync(connection.Context.ConnectionId, group.Name);
                if (group.ReflectionId is { } reflectionId)
                {
                    await hub.Clients.Client(connection.Context.ConnectionId).AccessEnded(reflectionId);
                }
            }
        }
    }

    // One connection of this instance ends: out of every group, told so, closed.
    public async Task EndAsync(LiveConnection connection)
    {
        logger.LogInformation("Ending live connection {ConnectionId} of {UserId}", connection.Context.ConnectionId, connection.UserId);
        connection.Groups.Clear();
        Remove(connection.Context.ConnectionId);
        // Told by the instance that holds it, just before it ends, so the page hears it first and stops rather than
        // reconnecting.
        await hub.Clients.Client(connection.Context.ConnectionId).SessionEnded();
        connection.Context.Abort();
    }
}
