using Microsoft.AspNetCore.Diagnostics;

namespace CoSie.Platform.Web.Hosting;

// A query string is checked before anything reads it: pages bind its parameters and look them up. A NUL (PostgreSQL
// text cannot hold one, so the query would fail as a 500) or a broken percent-escape is answered 400 with the status
// page. (A NUL in the path never gets this far: the server's URL decoder refuses it.)
public sealed class RequestUrlMiddleware(RequestDelegate next, ILogger<RequestUrlMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null
            || (PercentEncodingCheckStream.IsWellFormed(request.QueryString.Value)
                && !request.Query.Any(q => RequestText.HasNul(q.Key) || q.Value.Any(RequestText.HasNul))))
        {
            return next(context);
        }
        logger.LogInformation("Refused a query string with a NUL character or a broken escape: {Method} {Path}", request.Method, request.Path);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }
}
