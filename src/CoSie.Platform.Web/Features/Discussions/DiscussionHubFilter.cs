using CoSie.Platform.Web.Identity;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.SignalR;

namespace CoSie.Platform.Web.Features.Discussions;

// Runs around every call to the discussion hub: each call has a fresh DI scope, so the institution the connection
// is bound to is restored here before anything queries; a connection that calls too fast is refused; an account
// whose password changed or that was disabled since it connected is cut off.
public sealed class DiscussionHubFilter(LiveConnections connections, SessionCheck sessions) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocationContext.Hub is not DiscussionHub)
        {
            return await next(invocationContext);
        }
        var context = invocationContext.Context;
        var connection = connections.Find(context.ConnectionId) ?? throw new HubException("The connection has ended.");
        if (!connection.Bucket.TryTake())
        {
            throw new HubException("Slow down: too many requests.");
        }
        if (!await sessions.IsCurrentAsync(context.User))
        {
            await connections.EndSessionsAsync(connection.UserId);
            throw new HubException("Your session has ended.");
        }
        if (connection.Institution is { } institution)
        {
            invocationContext.ServiceProvider.GetRequiredService<TenantContext>().Set(institution);
        }
        return await next(invocationContext);
    }
}
