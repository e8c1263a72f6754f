using CoSie.Platform.Web.Tenancy;
using Hangfire;

namespace CoSie.Platform.Web.Features.Digests;

// Sends a cohort's claimed digests in batches. A recipient whose server refuses is retried on its own
// (SendDigestJob, after a backoff) while the others go on.
public sealed class SendCohortDigestsJob(TenantScopes scopes, IBackgroundJobClient jobs, ILogger<SendCohortDigestsJob> logger)
{
    // A job that dies half-way is run again; rows already sent are skipped, the rest resume.
    [AutomaticRetry(Attempts = 3)]
    public async Task<DispatchResult> SendAsync(Guid institutionId, Guid cohortId, CancellationToken cancellationToken)
    {
        await using var scope = await scopes.EnterAsync(institutionId, cancellationToken);
        var result = await scope.ServiceProvider.GetRequiredService<DigestDispatcher>().SendAsync(cohortId, null, cancellationToken);
        foreach (var (deliveryId, delay) in result.Retry)
        {
            jobs.Schedule<SendDigestJob>(job => job.SendAsync(institutionId, deliveryId, CancellationToken.None), delay);
        }
        logger.LogInformation("Cohort {CohortId} digests: {Sent} sent, {Skipped} skipped, {Retry} to retry, {Failed} failed, {Lost} taken over by another worker",
            cohortId, result.Sent, result.Skipped, result.Retry.Count, result.Failed, result.Lost);
        return result;
    }
}
