using CoSie.Platform.Web.Tenancy;
using Hangfire;

namespace CoSie.Platform.Web.Features.Digests;

// One member's digest: the retry of a refused one, or an instructor's resend. Hangfire retries it with growing
// delays; the dispatcher marks it Failed at the last attempt instead of throwing again.
public sealed class SendDigestJob(TenantScopes scopes, TimeProvider clock)
{
    [AutomaticRetry(Attempts = DigestDispatcher.MaxAttempts - 1, DelaysInSeconds = [300, 900, 1800])]
    public async Task SendAsync(Guid institutionId, Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var scope = await scopes.EnterAsync(institutionId, cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var delivery = await db.DigestDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is null || delivery.Status != DigestDeliveryStatus.Pending)
        {
            // Sent, skipped, unsubscribed or given up on: nothing to do, whoever asks again.
            return;
        }
        if (delivery.LeaseUntil is { } lease && lease > clock.GetUtcNow())
        {
            // Another worker holds it, or it waits out a backoff: try again later rather than lose it.
            throw new DigestBusyException(deliveryId, lease);
        }
        var result = await scope.ServiceProvider.GetRequiredService<DigestDispatcher>().SendAsync(delivery.CohortId, deliveryId, cancellationToken);
        if (result.Retry.Count > 0)
        {
            throw new DigestNotSentException(deliveryId, result.LastError);
        }
        if (result.Sent + result.Skipped + result.Failed == 0)
        {
            // Someone else took the lease in the meantime: try again later rather than lose it.
            throw new DigestBusyException(deliveryId, clock.GetUtcNow());
        }
    }
}
