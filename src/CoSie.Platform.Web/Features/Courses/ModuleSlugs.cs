using System.Text.RegularExpressions;

namespace CoSie.Platform.Web.Features.Courses;

public static partial class ModuleSlugs
{
    // Segments that the course pages use after /courses/{course}/; a module named like them would be unreachable.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "edit", "import", "export", "modules", "cohorts", "delete", "preview", "new" };

    public static string? Validate(string slug)
    {
        if (!Shape().IsMatch(slug) || slug.Length > 80)
        {
            return "Use lowercase letters, digits and hyphens only (at most 80).";
        }
        return Reserved.Contains(slug) ? $"“{slug}” is used by the course pages; choose another slug." : null;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
