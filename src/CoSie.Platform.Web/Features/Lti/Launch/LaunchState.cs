using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Tokens;

namespace CoSie.Platform.Web.Features.Lti.Launch;

// The OIDC state of a login initiation: signed and encrypted by Data Protection, for this institution, this registration
// and this nonce, short-lived, and bound to the browser that started the login by a cookie named after a random value
// in it (one cookie per login, so several links of one LMS page can start their logins at once). The cookie is
// SameSite=None, because the launch arrives as a cross-site form post from the LMS. The state also carries the login
// initiation's own parameters: a browser that refuses cookies inside the LMS's frame comes back without the cookie, and
// the launch then offers to start the same login again in a window of the tool's own, where cookies are first-party.
public sealed class LaunchState(IDataProtectionProvider provider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const string CookiePrefix = "cosie.lti.";

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("CoSie.Platform.Lti.State").ToTimeLimitedDataProtector();

    public sealed record Login(Guid InstitutionId, Guid PlatformId, string Nonce);

    // A genuine state of this institution that came back without its cookie: the login's nonce (the launch offers a
    // restart only while it is unused) and the query of the login initiation to start again at the top level.
    public sealed record Restart(Guid PlatformId, string Nonce, string Query);

    // What a launch's state says: the login it finishes, or a restart to offer, or neither.
    public sealed record Outcome(Login? Login, Restart? Restart);

    public static string NewNonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    public string Start(HttpContext http, Guid institutionId, Guid platformId, string nonce, IReadOnlyDictionary<string, string> initiation)
    {
        var binding = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        http.Response.Cookies.Append(CookiePrefix + binding, "1", CookieOptions(http));
        var restart = Base64UrlEncoder.Encode(QueryString.Create(initiation.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))).Value ?? "");
        return _protector.Protect($"{institutionId:N}|{platformId:N}|{nonce}|{binding}|{restart}", Lifetime);
    }

    // The login this state started, if it is genuine, not expired, for this institution and from this browser; the
    // browser's cookie for it is removed either way.
    public Outcome Finish(HttpContext http, Guid institutionId, string? state)
    {
        var none = new Outcome(null, null);
        if (string.IsNullOrEmpty(state) || state.Length > 8000)
        {
            return none;
        }
        string text;
        try
        {
            text = _protector.Unprotect(state, out _);
        }
        catch (CryptographicException)
        {
            return none;
        }
        var parts = text.Split('|');
        if (parts.Length != 5 || !Guid.TryParseExact(parts[0], "N", out var institution) || institution != institutionId
            || !Guid.TryParseExact(parts[1], "N", out var platformId))
        {
            return none;
        }
        var cookie = CookiePrefix + parts[3];
        if (!http.Request.Cookies.ContainsKey(cookie))
        {
            return new Outcome(null, new Restart(platformId, parts[2], Base64UrlEncoder.Decode(parts[4])));
        }
        http.Response.Cookies.Delete(cookie, CookieOptions(http));
        return new Outcome(new Login(institution, platformId, parts[2]), null);
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
