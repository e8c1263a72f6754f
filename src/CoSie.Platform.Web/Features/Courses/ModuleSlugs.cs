using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

// Every value named, no discard, so a new problem fails the build until it has its words.
#pragma warning disable CS8524

namespace CoSie.Platform.Web.Features.Courses;

public static partial class ModuleSlugs
{
    public const int MaxLength = 80;

    // Segments that the course pages use after /courses/{course}/; a module named like them would be unreachable.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "edit", "import", "export", "modules", "cohorts", "delete", "preview", "new" };

    // Null when the slug is fine.
    public static ModuleSlugProblem? Validate(string slug)
    {
        if (!Shape().IsMatch(slug) || slug.Length > MaxLength)
        {
            return ModuleSlugProblem.Shape;
        }
        return Reserved.Contains(slug) ? ModuleSlugProblem.Reserved : null;
    }

    public static string Describe(this IStringLocalizer localizer, ModuleSlugProblem problem, string slug) => problem switch
    {
        ModuleSlugProblem.Shape => localizer["Use lowercase letters, digits and hyphens only (at most {max, plural, one {# character} other {# characters}}).", MaxLength],
        ModuleSlugProblem.Reserved => localizer["“{slug}” is used by the course pages; choose another slug.", slug],
    };

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
