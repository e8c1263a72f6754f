using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CoSie.Platform.Web.Identity;

// How long a session lives (OWASP ASVS 3.3): it ends after Idle without a request (the cookie slides while used), and
// Absolute after sign-in whatever happens, since the sliding renewal and the security-stamp check both re-issue the
// ticket with a new IssuedUtc. The sign-in time therefore travels in the ticket's own item. A session whose account
// signed out, changed its password or was disabled or deleted ends on its very next request (SessionCheck).
public static class SessionLifetime
{
    public static readonly TimeSpan Idle = TimeSpan.FromHours(2);
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(12);

    private const string SignedInAtItem = "cosie.signed_in_at";

    public static void MarkSignIn(AuthenticationProperties properties, DateTimeOffset now) =>
        properties.Items[SignedInAtItem] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        var signedInAt = context.Properties.Items.TryGetValue(SignedInAtItem, out var value) && long.TryParse(value, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : context.Properties.IssuedUtc;
        if (signedInAt is { } at && now - at > Absolute)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        try
        {
            if (!await context.HttpContext.RequestServices.GetRequiredService<SessionCheck>().IsCurrentAsync(context.Principal))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            // Still renews the claims the cookie carries (name, culture, platform admin) every ValidationInterval.
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
        catch (Exception ex) when (Hosting.DatabaseOutage.Is(ex))
        {
            // The stamp cannot be read while the database is away. The session stays as it is, unrenewed, so the next
            // request after the outage checks it again; meanwhile nothing it could open works without the database,
            // and its error page must not fail on the check.
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionLifetime))
                .LogWarning(ex, "The session's security stamp could not be checked: the database is unavailable");
        }
    }
}
