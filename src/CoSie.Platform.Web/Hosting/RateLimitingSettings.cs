using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CoSie.Platform.Web.Hosting;

// How the framework's rate limiter answers a refused request: 429 with Retry-After and no body of its own, so that the
// status code pages render the "Slow down" page. The handler never runs, so a refused request changes nothing.
public static class RateLimitingSettings
{
    public static void Apply(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) =>
        {
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitingSettings))
                .LogInformation("Refused a request to {Path} from {Address}: over its rate limit", context.HttpContext.Request.Path, context.HttpContext.Connection.RemoteIpAddress);
            return ValueTask.CompletedTask;
        };
    }
}
