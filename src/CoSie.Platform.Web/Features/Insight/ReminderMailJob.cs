using CoSie.Platform.Web.Tenancy;
using Hangfire;

namespace CoSie.Platform.Web.Features.Insight;

// The mail of one reminder. Hangfire retries it when the SMTP server refuses; a run that finds it sent sends nothing.
public sealed class ReminderMailJob(TenantScopes scopes)
{
    [AutomaticRetry(Attempts = 4, DelaysInSeconds = [300, 900, 1800, 3600])]
    public async Task SendAsync(Guid institutionId, Guid nudgeId, CancellationToken cancellationToken)
    {
        await using var scope = await scopes.EnterAsync(institutionId, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ReminderMails>().SendAsync(nudgeId, cancellationToken);
    }
}
