using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace CoSie.Platform.Web.Features.Discussions;

// The live connections of this app instance, so that losing access can cut them off: leaving a cohort removes the
// person from its groups; signing out or a new password ends their connections.
// REVIEW: with several instances (Redis backplane) each one cuts off only its own connections; the SessionEnded
// and AccessEnded messages still reach every instance's clients through the person's group.
public sealed class LiveConnections(IHubContext<DiscussionHub, IDiscussionClient> hub, ILogger<LiveConnections> logger)
{
    private readonly ConcurrentDictionary<string, LiveConnection> _connections = new(StringComparer.Ordinal);

    public void Add(LiveConnection connection) => _connections[connection.Context.ConnectionId] = connection;

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    public LiveConnection? Find(string connectionId) => _connections.GetValueOrDefault(connectionId);

    public IEnumerable<LiveConnection> Of(Guid userId) => _connections.Values.Where(c => c.UserId == userId);

    // Takes the person out of the groups that match, and tells their pages.
    public async Task RevokeAsync(Guid userId, Func<LiveGroup, bool> which)
    {
        foreach (var connection in Of(userId).ToList())
        {
            foreach (var group in connection.Groups.Values.Where(which).ToList())
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

    public Task LeftCohortAsync(Guid userId, Guid cohortId) => RevokeAsync(userId, g => g.CohortId == cohortId);

    // Signing out, a changed password or a disabled account: every live connection of the person ends.
    public async Task EndSessionsAsync(Guid userId)
    {
        await hub.Clients.Group(DiscussionGroups.User(userId)).SessionEnded();
        foreach (var connection in Of(userId).ToList())
        {
            logger.LogInformation("Ending live connection {ConnectionId} of {UserId}", connection.Context.ConnectionId, userId);
            connection.Groups.Clear();
            Remove(connection.Context.ConnectionId);
            connection.Context.Abort();
        }
    }
}
