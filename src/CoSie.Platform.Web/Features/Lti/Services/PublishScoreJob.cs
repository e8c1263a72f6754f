using CoSie.Platform.Web.Tenancy;
using Hangfire;

namespace CoSie.Platform.Web.Features.Lti.Services;

// Sends one member's score on one prompt in the background; an LMS that fails is tried again after a short backoff,
// and the last outcome stays visible to the instructors either way.
public sealed class PublishScoreJob(TenantScopes scopes)
{
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 600, 3600])]
    public async Task PublishAsync(Guid institutionId, Guid cohortId, Guid promptId, Guid userId, CancellationToken cancellationToken)
    {
        await using var scope = await scopes.EnterAsync(institutionId, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<PublishScore>().PublishAsync(cohortId, promptId, userId, cancellationToken);
    }
}
