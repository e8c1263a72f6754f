using System.Security.Claims;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Identity;

// Whether a session counts inside an institution. An institution that signs its people in through its own providers
// only does not accept a password session, nor one that another institution's provider signed in: inside it, such a
// session is no session at all. Applied once per request (after authentication, before authorization), so every reader
// of the person there (policies, CurrentMembership, discussion access, search, the hub's connection) meets the same
// anonymous person, whatever memberships they read; the sign-in page then offers the institution's own providers.
public static class InstitutionSessions
{
    public static bool Reaches(ClaimsPrincipal user, InstitutionInfo institution) =>
        institution.AllowsLocalPasswords
        || user.FindFirstValue(PlatformClaims.SignInInstitution) == institution.Id.ToString();

    public static IApplicationBuilder UseInstitutionSessions(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true
            && context.RequestServices.GetRequiredService<TenantContext>().Institution is { } institution
            && !Reaches(context.User, institution))
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        return next(context);
    });
}
