using Microsoft.AspNetCore.Diagnostics;

namespace CoSie.Platform.Web.Hosting;

// The form of a request is read here, once, before antiforgery, model binding or a page touch it (they all read the
// same cached form afterwards). A body that cannot be read or parsed is answered here: 413 for one cut off at its limit,
// 400 for a form over the reader's limits (fields, key length, value length), a broken multipart body or a broken
// percent-escape. Left to antiforgery, such a failure became "no token" (400) and the error page, reading the form again
// to bind its own code, a 500 with nothing logged; left to model binding, a model error the page could not explain.
// A NUL anywhere in the form is refused too: PostgreSQL text cannot hold it, and no person types it.
// After authorization, so a visitor who may not use the page is turned away before the body is read.
public sealed class RequestFormMiddleware(RequestDelegate next, ILogger<RequestFormMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.HasFormContentType
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(context);
            return;
        }

        int status;
        try
        {
            if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            {
                request.Body = new PercentEncodingCheckStream(request.Body);
            }
            var form = await request.ReadFormAsync(context.RequestAborted);
            if (!form.Any(field => RequestText.HasNul(field.Key) || field.Value.Any(RequestText.HasNul))
                && !form.Files.Any(file => RequestText.HasNul(file.Name) || RequestText.HasNul(file.FileName)))
            {
                await next(context);
                return;
            }
            logger.LogInformation("Refused a form with a NUL character for {Method} {Path}", request.Method, request.Path);
            status = StatusCodes.Status400BadRequest;
        }
        catch (Exception e) when (RequestFailures.IsUnreadableBody(e) && !context.Response.HasStarted)
        {
            status = RequestFailures.StatusForUnreadableBody(e);
            logger.LogInformation("Refused an unreadable form for {Method} {Path} with {Status}: {Reason}", request.Method, request.Path, status, e.Message);
        }
        context.Response.StatusCode = status;
    }
}
