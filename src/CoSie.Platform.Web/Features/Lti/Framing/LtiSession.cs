using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

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

    // Whether this request's session is the one a launch of that registration started for that account.
    public static bool IsOf(ClaimsPrincipal user, Guid userId, Guid platformId) =>
        user.AccountId() == userId && user.HasClaim(PlatformClaims.LtiPlatform, platformId.ToString());

    // The session a launch starts, in the LMS's frame or, when the browser refused its cookie there, in a window of its
    // own (Open): the institution and the registration go into the cookie, and the cookie is made for a frame
    // (LtiCookies).
    public static Task SignInAsync(HttpContext http, SignInManager<PlatformUser> signIn, PlatformUser user, Guid institutionId, Guid platformId)
    {
        MarkLaunch(http);
        return signIn.SignInWithClaimsAsync(user, new AuthenticationProperties(),
            [new Claim(PlatformClaims.SignInInstitution, institutionId.ToString()), ClaimFor(platformId)]);
    }
}
