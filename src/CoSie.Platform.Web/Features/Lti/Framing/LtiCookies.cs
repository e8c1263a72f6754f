using Microsoft.AspNetCore.CookiePolicy;

namespace CoSie.Platform.Web.Features.Lti.Framing;

// The cookies of a session in an LMS's frame (the session and the antiforgery cookie) are third-party cookies there:
// SameSite=Lax would keep them out of the frame, so in an LTI session they are SameSite=None, which browsers take only
// with Secure, over HTTPS. Every other session keeps its cookies as configured.
public static class LtiCookies
{
    public static void Apply(AppendCookieContext cookie)
    {
        if (cookie.Context.Request.IsHttps && LtiSession.Is(cookie.Context))
        {
            cookie.CookieOptions.SameSite = SameSiteMode.None;
            cookie.CookieOptions.Secure = true;
        }
    }
}
