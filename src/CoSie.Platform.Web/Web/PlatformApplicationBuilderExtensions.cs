using CoSie.Platform.Web.Features.Discussions;
using CoSie.Platform.Web.Jobs;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CoSie.Platform.Web.Web;

public static class PlatformApplicationBuilderExtensions
{
    public static WebApplication UsePlatformPipeline(this WebApplication app)
    {
        if (ServerTimingMiddleware.Enabled(app.Configuration))
        {
            app.UseMiddleware<ServerTimingMiddleware>();
        }
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Errors/500",
            // What the client sent wrong is the client's error, with the server's own status (413 for a body cut off
            // at the limit), not a 500 that reads as ours; a form that cannot be parsed is a bad request; the database
            // being away is not a bug of the page, and 503 tells browsers, proxies and monitors to come back.
            StatusCodeSelector = ExceptionStatus,
        });
        app.UseStatusCodePagesWithReExecute("/Errors/{0}");

        // Answered before tenancy, which reads institutions from the database: liveness must not depend on the
        // database at all, and readiness reports on it by itself (503 while migrations are pending, not a 500).
        app.UseHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.UseHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

        // Static files after tenancy: inside an institution, "~/css/site.css" is /{institution}/css/site.css, which
        // only matches wwwroot once the prefix has moved into PathBase. ("css", "js" and the like are reserved slugs.)
        app.UseTenancy();
        app.UseDiscussionOriginCheck();
        app.UseStaticFiles();
        app.UseRouting();
        // After routing, which knows the endpoint and so its policy; before the body is read, so a refused flood costs
        // little. Its refusals are re-executed as the status page, an endpoint without a policy.
        app.UseRateLimiter();
        // After routing, which knows the endpoint and so its limit; before anything reads the body.
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseAuthentication();
        // After authentication: the person's own culture is a claim in the cookie.
        app.UseRequestLocalization();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapPlatformJobsDashboard();
        app.MapDiscussions();
        return app;
    }

    // The exception, or one it wraps (antiforgery and model binding wrap what reading the form threw).
    private static int ExceptionStatus(Exception exception)
    {
        if (DatabaseOutage.Is(exception))
        {
            return StatusCodes.Status503ServiceUnavailable;
        }
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case BadHttpRequestException bad:
                    return bad.StatusCode;
                case InvalidDataException:
                    return StatusCodes.Status400BadRequest;
            }
        }
        return StatusCodes.Status500InternalServerError;
    }
}
