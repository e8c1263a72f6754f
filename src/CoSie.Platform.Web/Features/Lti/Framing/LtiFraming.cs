using CoSie.Platform.Web.Hosting;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Lti.Framing;

// Who may frame the tool: an LMS shows LTI pages in an iframe, so the LTI pages and every page of a session an LTI
// launch started may be framed by the origins of the institution's own enabled platforms (their issuer, their
// authentication endpoint and the framing origin a registration names, cached briefly by FramingOrigins), and by
// nothing else; every other page keeps frame-ancestors 'none'. The header itself is written by SecurityHeadersMiddleware.
// The framing origin is for an LMS that frames from neither of the other two: Canvas Cloud's issuer and authentication
// host are instructure.com addresses, but it frames the tool from the school's own Canvas domain.
public static class LtiFraming
{
    public static IApplicationBuilder UseLtiFraming(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Only a page is a document a frame shows; a static asset, the hub or a job endpoint needs no frame-ancestors,
        // and runs before this knows nothing of the database. Routing has run, so the endpoint says which it is.
        if (context.RequestServices.GetRequiredService<TenantContext>().Institution is { } institution
            && context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null
            && (context.Request.Path.StartsWithSegments("/lti") || LtiSession.Is(context)))
        {
            var origins = await context.RequestServices.GetRequiredService<FramingOrigins>().OfAsync(institution.Id, context.RequestAborted);
            if (origins.Count > 0)
            {
                SecurityHeadersMiddleware.AllowFramingBy(context, string.Join(' ', origins));
            }
        }
        await next(context);
    });

    public static IReadOnlyList<string> Origins(IEnumerable<string> addresses) =>
        [.. addresses
            .Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri.GetLeftPart(UriPartial.Authority) : null)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)];
}
