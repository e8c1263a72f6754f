using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Hosting;

// Every request body has a ceiling: the endpoint's own [RequestSizeLimit], else Requests:MaxBodyBytes. A body that
// announces more is answered 413 (with the status page) before authentication, antiforgery or model binding read a
// byte of it, whatever server runs the app. The server is given the same ceiling, so a body sent without a
// Content-Length is cut off there too (Kestrel's 413, which RequestFormMiddleware or the exception handler passes on);
// a server that cannot do that gets a body that cuts itself off.
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestLimits> options, ILogger<RequestBodyLimitMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        // The status page that renders the 413 runs as the same request again, body and all; it reads none of it.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return next(context);
        }
        var declared = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = declared is null ? options.Value.MaxBodyBytes : declared.MaxRequestBodySize;
        if (limit is { } max && context.Request.ContentLength > max)
        {
            logger.LogInformation("Refused a body of {Length} bytes for {Path}; the limit there is {Limit}",
                context.Request.ContentLength, context.Request.Path, max);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = limit;
        }
        else if (limit is { } cap && context.Request.ContentLength is null)
        {
            context.Request.Body = new BodyLimitStream(context.Request.Body, cap);
        }
        return next(context);
    }
}
