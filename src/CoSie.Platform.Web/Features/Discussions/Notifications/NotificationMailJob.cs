using CoSie.Platform.Web.Tenancy;
using Hangfire;

namespace CoSie.Platform.Web.Features.Discussions.Notifications;

// The mail about one person's replies or mentions in one thread, due when its first notification's batch time is up.
// Hangfire retries it when the SMTP server refuses; a run that finds the mail sent already sends nothing.
public sealed class NotificationMailJob(TenantScopes scopes, IBackgroundJobClient jobs)
{
    [AutomaticRetry(Attempts = 4, DelaysInSeconds = [300, 900, 1800, 3600])]
    public async Task SendAsync(Guid institutionId, Guid userId, Guid reflectionId, NotificationKind kind, CancellationToken cancellationToken)
    {
        await using var scope = await scopes.EnterAsync(institutionId, cancellationToken);
        var outcome = await scope.ServiceProvider.GetRequiredService<NotificationMails>().SendAsync(userId, reflectionId, kind, cancellationToken);
        if (outcome.DueAt is { } due)
        {
            // Run early (a clock moved, or a job of an earlier batch): come back when the batch is due.
            jobs.Schedule<NotificationMailJob>(job => job.SendAsync(institutionId, userId, reflectionId, kind, CancellationToken.None), due);
        }
    }
}
