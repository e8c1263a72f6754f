using CoSie.Platform.Web.Tenancy;
using Hangfire;

namespace CoSie.Platform.Web.Features.Lti.Maintenance;

// Every hour: deletes the nonces of logins that never came back with a launch (a launch deletes its own), the deep
// linking requests nobody answered (an answer deletes its own) and the launch tickets nobody used (Framing/Continue and
// Open use up their own), once they expired. The OIDC state lives in a signed cookie, not in the database, so these
// are all there is to sweep.
// Cross-institution like the media cleanup: it deletes inside each institution through
// TenantScopes.ForEachInstitutionAsync, with the institution named in the statement as well as by the query filter.
public sealed class SweepLtiNoncesJob(TenantScopes scopes, TimeProvider clock, ILogger<SweepLtiNoncesJob> logger)
{
    public const string RecurringJobId = "lti:sweep-nonces";
    public const string Cron = "41 * * * *";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await scopes.ForEachInstitutionAsync(async (info, services) =>
        {
            var tenantDb = services.GetRequiredService<PlatformDbContext>();
            var deleted = await tenantDb.LtiNonces.Where(n => n.InstitutionId == info.Id && n.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken)
                + await tenantDb.LtiDeepLinkingRequests.Where(r => r.InstitutionId == info.Id && r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken)
                + await tenantDb.LtiLaunchTickets.Where(t => t.InstitutionId == info.Id && t.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
            if (deleted > 0)
            {
                logger.LogInformation("Deleted {Count} expired LTI nonces, deep linking requests and launch tickets of {Institution}", deleted, info.Slug);
            }
        }, logger, cancellationToken);
    }
}
