using System.Globalization;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.SignalR;

namespace CoSie.Platform.Web.Features.Discussions.Live;

// Runs around every call to the discussion hub: each call has a fresh DI scope, so the institution the connection
// is bound to is restored here before anything queries; a connection that calls too fast is refused, and one that
// keeps calling after being refused is closed; text arguments with control characters are refused before any hub
// method sees them; an account whose password changed or that was disabled since it connected is cut off.
public sealed class DiscussionHubFilter(
    LiveConnections connections,
    SessionCheck sessions,
    IStringLocalizer<DiscussionHubFilter> localizer,
    ILogger<DiscussionHubFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocationContext.Hub is not DiscussionHub)
        {
            return await next(invocationContext);
        }
        var context = invocationContext.Context;
        var method = invocationContext.HubMethodName;
        var connection = connections.Find(context.ConnectionId) ?? throw new HubException(localizer["The connection has ended."].Value);
        // Each call answers in the language and formats of the page that connected, whatever thread it runs on.
        CultureInfo.CurrentCulture = connection.Locale.Formats;
        CultureInfo.CurrentUICulture = connection.Locale.Language;
        switch (connection.Bucket.Take())
        {
            case HubCallVerdict.FirstRefusal:
                logger.LogInformation("Refused {Method} on live connection {ConnectionId} of user {UserId}: calling too fast", method, context.ConnectionId, connection.UserId);
                throw SlowDown();
            case HubCallVerdict.Refused:
                throw SlowDown();
            case HubCallVerdict.LastRefusal:
                throw new HubException(localizer["Too many requests: live updates on this page stop now. Reload the page to get them again."].Value);
            case HubCallVerdict.Flooding:
                logger.LogWarning("Closed live connection {ConnectionId} of user {UserId}: it kept calling ({Method}) after being told to slow down", context.ConnectionId, connection.UserId, method);
                context.Abort();
                throw SlowDown();
        }
        if (invocationContext.HubMethodArguments.Any(argument => argument is string text && !IsPlainText(text)))
        {
            logger.LogInformation("Refused {Method} on live connection {ConnectionId} of user {UserId}: a text argument holds control characters", method, context.ConnectionId, connection.UserId);
            throw new HubException(localizer["The request was refused: it contains control characters, which no name or address has."].Value);
        }
        if (!await sessions.IsCurrentAsync(context.User))
        {
            await connections.EndSessionsAsync(connection.UserId);
            throw new HubException(localizer["Your session has ended."].Value);
        }
        if (connection.Institution is { } institution)
        {
            invocationContext.ServiceProvider.GetRequiredService<TenantContext>().Set(institution);
        }
        return await next(invocationContext);
    }

    private HubException SlowDown() =>
        new(localizer["Slow down: too many live requests in a short time. Wait a moment and try again."].Value);

    // The hub's text arguments are institution slugs: control characters (NUL among them) never belong in one, and
    // PostgreSQL refuses NUL in text outright.
    private static bool IsPlainText(string text) => !text.Any(char.IsControl);
}
