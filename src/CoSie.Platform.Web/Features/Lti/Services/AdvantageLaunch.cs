using System.Text.Json;
using CoSie.Platform.Web.Features.Lti.Launch;
using Hangfire;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CoSie.Platform.Web.Features.Lti.Services;

// After a resource link launch: keeps the service addresses its NRPS and AGS claims announce for the LMS course, and
// queues a roster synchronisation when the course offers one (in the background, never in the launch's request).
public sealed class AdvantageLaunch(PlatformDbContext db, IBackgroundJobClient jobs, ILogger<AdvantageLaunch> logger)
{
    public async Task LaunchedAsync(LtiPlatform platform, string idToken, LaunchClaims claims, CancellationToken cancellationToken)
    {
        if (claims.ContextId is null
            || await db.LtiContexts.SingleOrDefaultAsync(c => c.PlatformId == platform.Id && c.ContextId == claims.ContextId, cancellationToken) is not { } context)
        {
            return;
        }
        var payload = LaunchClaims.Payload(new JsonWebToken(idToken));
        var memberships = payload.TryGetProperty(Advantage.MembershipsClaim, out var nrps) ? nrps : (JsonElement?)null;
        var endpoint = payload.TryGetProperty(Advantage.EndpointClaim, out var ags) && ags.ValueKind == JsonValueKind.Object ? ags : (JsonElement?)null;
        context.MembershipsUrl = Address(LaunchClaims.Property(memberships, "context_memberships_url"));
        context.LineItemsUrl = Address(LaunchClaims.Property(endpoint, "lineitems"));
        context.LineItemUrl = Address(LaunchClaims.Property(endpoint, "lineitem"));
        context.GradeScopes = endpoint is { } e ? [.. LaunchClaims.Strings(e, "scope").Where(s => s.Length <= 200).Distinct(StringComparer.Ordinal).Take(10)] : [];
        context.ResourceLinkId ??= claims.ResourceLinkId is { Length: <= 255 } link ? link : null;
        await db.SaveChangesAsync(cancellationToken);
        if (context.MembershipsUrl is not null)
        {
            jobs.Enqueue<RosterSyncJob>(job => job.SyncAsync(context.InstitutionId, context.Id, CancellationToken.None));
            logger.LogInformation("Roster synchronisation of LTI context {ContextId} queued after a launch", context.Id);
        }
    }

    // An absolute http(s) address the columns can hold; anything else is as if the LMS offered no service.
    private static string? Address(string? value) =>
        value is { Length: <= 2000 } && Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? value : null;
}
