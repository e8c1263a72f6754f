using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Hosting;

// Limits per client address. Posting has its own limit per person (Discussions:PostsPerMinute).
public sealed class RateLimits
{
    public const string Section = "RateLimits";

    // Sign-in, registration, forgot and reset password and resend confirmation share one budget per address and minute.
    // Lockout already guards each account; this guards against one address trying many accounts or sending mail to many.
    // It must stay generous: a whole campus or a company can sit behind one address, and a lecture that starts with
    // "sign in now" sends a hall's sign-ins at once.
    [Range(1, int.MaxValue)]
    public int AccountFormsPerMinute { get; set; } = 100;
}
