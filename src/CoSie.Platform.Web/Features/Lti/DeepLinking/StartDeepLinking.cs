using CoSie.Platform.Web.Features.Lti.Launch;

namespace CoSie.Platform.Web.Features.Lti.DeepLinking;

// A validated LtiDeepLinkingRequest: an instructor of the LMS course, asking for resource links, gets a picker under a
// new one-time id that keeps the request's settings on the server; anyone else gets a refusal and nothing is kept.
public sealed class StartDeepLinking(PlatformDbContext db, TimeProvider clock, ILogger<StartDeepLinking> logger)
{
    public sealed record Result(string? Id, LaunchRefusal? Refusal, string? Detail = null);

    public async Task<Result> StartAsync(LtiPlatform platform, LaunchClaims claims, DeepLinkingSettings settings, CancellationToken cancellationToken)
    {
        if (!claims.Instructs)
        {
            return new(null, LaunchRefusal.DeepLinkingForInstructors, claims.Subject);
        }
        if (!settings.AcceptsResourceLinks
            || !Uri.TryCreate(settings.ReturnUrl, UriKind.Absolute, out var returnUrl) || returnUrl.Scheme is not ("https" or "http")
            || settings.ReturnUrl!.Length > 2000)
        {
            return new(null, LaunchRefusal.DeepLinkingTypes, $"{string.Join(' ', settings.AcceptTypes)} {settings.ReturnUrl}");
        }
        var request = new LtiDeepLinkingRequest
        {
            Id = LaunchState.NewNonce(),
            PlatformId = platform.Id,
            DeploymentId = settings.DeploymentId,
            ReturnUrl = settings.ReturnUrl,
            Data = settings.Data,
            AcceptMultiple = settings.AcceptMultiple,
            WantsLineItem = settings.WantsLineItem,
            ExpiresAt = clock.GetUtcNow() + LaunchState.Lifetime,
        };
        db.LtiDeepLinkingRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Deep linking request of LTI platform {PlatformId} waits for a choice", platform.Id);
        return new(request.Id, null);
    }
}
