using System.Security.Claims;

namespace CoSie.Platform.Web.Features.Lti.Framing;

// A session that an LTI launch started, and so lives in the LMS's frame: the launch's own request (marked before it
// signs the person in) and every request of the session after it (the claim the launch puts in the cookie).
public static class LtiSession
{
    private static readonly object LaunchKey = new();

    public static void MarkLaunch(HttpContext context) => context.Items[LaunchKey] = true;

    public static bool Is(HttpContext context) =>
        context.Items.ContainsKey(LaunchKey) || context.User.HasClaim(c => c.Type == PlatformClaims.LtiPlatform);

    public static Claim ClaimFor(Guid platformId) => new(PlatformClaims.LtiPlatform, platformId.ToString());
}
