using System.Diagnostics;
using System.Security.Claims;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Hosting;

// Every exception a request ends in is logged once, here, with what an operator needs to find it again: method, path,
// the status it is answered with, the trace id the error page shows, the person and the institution. Just inside the
// exception handler, whose own line (the bare exception) is switched off; a 500 is an error, a database outage a
// warning, and a client's broken request (a form over its limits, a body cut off) information.
public sealed class RequestFailureLogMiddleware(RequestDelegate next, ILogger<RequestFailureLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        // A filter, not a catch: it logs while the exception passes on to the handler untouched.
        catch (Exception exception) when (Log(context, exception))
        {
            throw;
        }
    }

    private bool Log(HttpContext context, Exception exception)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            logger.LogDebug("The client left before {Method} {Path} was answered", context.Request.Method, context.Request.Path);
            return false;
        }
        var status = RequestFailures.StatusFor(exception);
        var level = status switch
        {
            StatusCodes.Status503ServiceUnavailable => LogLevel.Warning,
            >= 500 => LogLevel.Error,
            _ => LogLevel.Information,
        };
        var user = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var institution = context.RequestServices?.GetService<TenantContext>()?.Institution?.Slug;
        // The path as requested: tenancy has moved the institution's segment into PathBase.
        logger.Log(level, exception, "{Method} {Path} failed with {StatusCode} ({ExceptionType}); trace {TraceId}, user {UserId}, institution {Institution}",
            context.Request.Method, context.Request.PathBase + context.Request.Path, status, exception.GetType().Name,
            Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier, user ?? "none", institution ?? "none");
        return false;
    }
}
