using CoSie.Platform.Web.Hosting;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Lti.Framing;

// Who may frame the tool: an LMS shows LTI pages in an iframe, so the LTI pages and every page of a session an LTI
// launch started may be framed by the origins of the institution's own enabled platforms (their issuer and their
// authentication endpoint), and by nothing else; every other page keeps frame-ancestors 'none'. The header itself is
// written by SecurityHeadersMiddleware.
// REVIEW: Canvas Cloud's issuer (canvas.instructure.com) and authentication host are not the school's Canvas domain
// that frames the tool; such an LMS opens the tool in a new window until registrations name their framing origin.
public static class LtiFraming
{
    public static IApplicationBuilder UseLtiFraming(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.RequestServices.GetRequiredService<TenantContext>().Institution is not null
            && (context.Request.Path.StartsWithSegments("/lti") || LtiSession.Is(context)))
        {
            var db = context.RequestServices.GetRequiredService<PlatformDbContext>();
            var platforms = await db.LtiPlatforms.AsNoTracking().Where(p => p.IsEnabled)
                .Select(p => new { p.Issuer, p.AuthenticationUrl }).ToListAsync(context.RequestAborted);
            var origins = Origins(platforms.SelectMany(p => new[] { p.Issuer, p.AuthenticationUrl }));
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
