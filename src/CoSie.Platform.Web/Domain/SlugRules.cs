using System.Text.RegularExpressions;

namespace CoSie.Platform.Web.Domain;

public static partial class SlugRules
{
    public const int MinLength = 3;
    public const int MaxLength = 40;

    // First path segments the platform itself uses; an institution slug must never shadow them.
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "account", "accounts", "api", "hubs", "hub", "healthz", "readyz", "setup", "error", "errors",
        "css", "js", "lib", "img", "images", "fonts", "static", "assets", "favicon.ico", "robots.txt",
        "login", "logout", "register", "signin", "signout", "jobs", "hangfire", "unsubscribe", "www", "cosie-platform",
    };

    // Null when the slug is fine.
    public static SlugProblem? Validate(string? slug)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return SlugProblem.Missing;
        }
        if (slug.Length < MinLength || slug.Length > MaxLength)
        {
            return SlugProblem.Length;
        }
        if (!Shape().IsMatch(slug))
        {
            return SlugProblem.Shape;
        }
        if (Reserved.Contains(slug))
        {
            return SlugProblem.Reserved;
        }
        return null;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
