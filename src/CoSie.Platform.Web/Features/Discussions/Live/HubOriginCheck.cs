using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Discussions.Live;

// Live connections ride on the session cookie, so a page on another site could open one in a signed-in person's
// browser (cross-site WebSocket hijacking). Browsers always send Origin on WebSocket handshakes and cross-origin
// requests: one that is present and neither this host nor a configured origin is refused.
public sealed class HubOriginCheck(RequestDelegate next, IOptions<DiscussionOptions> options)
{
    public const string HubPath = "/hubs/discussions";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(HubPath) && context.Request.Headers.Origin is { Count: > 0 } origin && !Allowed(context.Request, origin.ToString()))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        return next(context);
    }

    private bool Allowed(HttpRequest request, string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }
        var own = string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
        return own || options.Value.AllowedOrigins.Any(a => string.Equals(a.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
