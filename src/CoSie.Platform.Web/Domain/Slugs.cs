using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CoSie.Platform.Web.Domain;

// Every slug of the platform (institutions, courses, modules) in one place: lowercase letters, digits and inner
// hyphens, within its kind's lengths, never a word the pages beside it use; and how one is made from a title or a
// WordPress slug.
public static partial class Slugs
{
    // Constants, because column sizes and [StringLength] need them at compile time.
    public const int InstitutionMaxLength = 40;
    public const int CourseMaxLength = 40;
    public const int ModuleMaxLength = 80;

    // Derived slugs are also compared (imported links to their pages), so they are cut at a bound that no kind exceeds.
    private const int MaxDerivedLength = 100;

    // First path segments the platform itself uses; an institution slug must never shadow them.
    public static readonly SlugKind Institution = new(SlugOwner.Institution, 3, InstitutionMaxLength, new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "account", "accounts", "api", "hubs", "hub", "healthz", "readyz", "setup", "error", "errors",
        "css", "js", "lib", "img", "images", "fonts", "static", "assets", "favicon.ico", "robots.txt",
        "login", "logout", "register", "signin", "signout", "jobs", "hangfire", "unsubscribe", "www", "cosie-platform",
    });

    // "new" and "preview" sit beside /courses/{slug}; a course named like them would be unreachable.
    public static readonly SlugKind Course = new(SlugOwner.Course, 3, CourseMaxLength, new HashSet<string>(StringComparer.Ordinal)
    {
        "new", "preview",
    });

    // Segments that the course pages use after /courses/{course}/.
    public static readonly SlugKind Module = new(SlugOwner.Module, 1, ModuleMaxLength, new HashSet<string>(StringComparer.Ordinal)
    {
        "edit", "import", "export", "modules", "cohorts", "delete", "preview", "new",
    });

    // Null when the slug is fine.
    public static SlugProblem? Problem(SlugKind kind, string? slug)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return SlugProblem.Missing;
        }
        if (slug.Length < kind.MinLength || slug.Length > kind.MaxLength)
        {
            return SlugProblem.Length;
        }
        if (!Shape().IsMatch(slug))
        {
            return SlugProblem.Shape;
        }
        return kind.Reserved.Contains(slug) ? SlugProblem.Reserved : null;
    }

    // The slug a person typed (trimmed, in lower case), else one made from the title; cut to the kind's length, so a
    // long title still gives a slug rather than an error.
    public static string Choose(SlugKind kind, string? given, string? title)
    {
        var slug = string.IsNullOrWhiteSpace(given) ? FromText(title) : given.Trim().ToLowerInvariant();
        return slug.Length > kind.MaxLength ? slug[..kind.MaxLength].TrimEnd('-') : slug;
    }

    // "Vörös Café & Co" becomes "voros-cafe-co": accents dropped, other letters spelled in ASCII where Latin
    // scripts have a usual spelling, everything else a single hyphen. WordPress stores non-ASCII slugs
    // percent-encoded (e.g. "v%c3%b6ru"), so those are decoded first.
    public static string FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decoded = Uri.UnescapeDataString(text.Trim()).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decoded.Length);
        foreach (var c in decoded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(lower);
            }
            else
            {
                builder.Append(lower switch
                {
                    'ß' => "ss",
                    'æ' => "ae",
                    'ø' => "o",
                    'œ' => "oe",
                    'ł' => "l",
                    'đ' => "d",
                    'þ' => "th",
                    _ => "-",
                });
            }
        }

        var slug = string.Join('-', builder.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > MaxDerivedLength ? slug[..MaxDerivedLength].TrimEnd('-') : slug;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
