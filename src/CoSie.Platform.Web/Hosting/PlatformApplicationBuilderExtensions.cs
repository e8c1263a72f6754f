using CoSie.Platform.Web.Features.Discussions;
using CoSie.Platform.Web.Features.Lti.Framing;
using CoSie.Platform.Web.Features.SingleSignOn;
using CoSie.Platform.Web.Jobs;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CoSie.Platform.Web.Hosting;

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
            StatusCodeSelector = RequestFailures.StatusFor,
            // RequestFailureLogMiddleware has logged the exception, with the request's context.
            SuppressDiagnosticsCallback = _ => true,
        });
        app.UseMiddleware<RequestFailureLogMiddleware>();
        app.UseStatusCodePagesWithReExecute("/Errors/{0}");
        app.UseMiddleware<RequestUrlMiddleware>();

        // Answered before tenancy, which reads institutions from the database: liveness must not depend on the
        // database at all, and readiness reports on it by itself (503 while migrations are pending, not a 500).
        app.UseHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.UseHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

        // Routing after tenancy: inside an institution, "~/css/site.css" is /{institution}/css/site.css, which only
        // matches a static asset once the prefix has moved into PathBase. ("css", "js" and the like are reserved slugs.)
        app.UseTenancy();
        app.UseDiscussionOriginCheck();
        app.UseRouting();
        // After routing, which knows the endpoint and so its policy; before the body is read, so a refused flood costs
        // little. Its refusals are re-executed as the status page, an endpoint without a policy.
        app.UseRateLimiter();
        // After routing, which knows the endpoint and so its limit; before anything reads the body.
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseSingleSignOnCallbacks();
        // Before anything sets a cookie: a session in an LMS's frame needs SameSite=None (Features/Lti/Framing).
        app.UseCookiePolicy();
        app.UseAuthentication();
        // After authentication: the person's own culture is a claim in the cookie.
        app.UseRequestLocalization();
        // After localization, which reads the person's culture from the session; before anything asks who they are.
        app.UseInstitutionSessions();
        // Once the institution and the session are known: which LMS may frame this response.
        app.UseLtiFraming();
        app.UseAuthorization();
        app.UseMiddleware<RequestFormMiddleware>();
        // Static assets as endpoints, from the build's manifest: fingerprinted names cached for a year, gzip and
        // Brotli versions made at build and publish time and chosen by Accept-Encoding, ETags for the plain names.
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapPlatformJobsDashboard();
        app.MapDiscussions();
        return app;
    }
}
