using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CoSie.Platform.Web.Features.Lti.Launch;

// The OIDC state of a login initiation: signed and encrypted by Data Protection, for this institution, this registration
// and this nonce, short-lived, and bound to the browser that started the login by a cookie named after a random value
// in it (one cookie per login, so several links of one LMS page can start their logins at once). The cookie is
// SameSite=None, because the launch arrives as a cross-site form post from the LMS.
public sealed class LaunchState(IDataProtectionProvider provider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const string CookiePrefix = "cosie.lti.";

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("CoSie.Platform.Lti.State").ToTimeLimitedDataProtector();

    public sealed record Login(Guid InstitutionId, Guid PlatformId, string Nonce);

    public static string NewNonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    public string Start(HttpContext http, Guid institutionId, Guid platformId, string nonce)
    {
        var binding = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        http.Response.Cookies.Append(CookiePrefix + binding, "1", CookieOptions(http));
        return _protector.Protect($"{institutionId:N}|{platformId:N}|{nonce}|{binding}", Lifetime);
    }

    // The login this state started, if it is genuine, not expired, for this institution and from this browser; the
    // browser's cookie for it is removed either way.
    public Login? Finish(HttpContext http, Guid institutionId, string? state)
    {
        if (string.IsNullOrEmpty(state) || state.Length > 4000)
        {
            return null;
        }
        string text;
        try
        {
            text = _protector.Unprotect(state, out _);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = text.Split('|');
        if (parts.Length != 4 || !Guid.TryParseExact(parts[0], "N", out var institution) || institution != institutionId
            || !Guid.TryParseExact(parts[1], "N", out var platformId))
        {
            return null;
        }
        var cookie = CookiePrefix + parts[3];
        if (!http.Request.Cookies.ContainsKey(cookie))
        {
            return null;
        }
        http.Response.Cookies.Delete(cookie, CookieOptions(http));
        return new Login(institution, platformId, parts[2]);
    }

    private static CookieOptions CookieOptions(HttpContext http) => new()
    {
        HttpOnly = true,
        // SameSite=None needs Secure in browsers; plain HTTP is only for a platform on the same machine in tests.
        Secure = http.Request.IsHttps,
        SameSite = http.Request.IsHttps ? SameSiteMode.None : SameSiteMode.Lax,
        MaxAge = Lifetime,
        Path = "/",
        IsEssential = true,
    };
}
