using System.Globalization;

namespace CoSie.Platform.Web.Localization;

// The languages the platform's texts are written in, and the formats each reads dates and numbers in when the person
// chose no region. Pseudo-languages exist only where Localization:PseudoLanguages is on (tests and development).
public static class PlatformLanguages
{
    public const string Default = "en";

    // The CoSIE pilot countries' languages, in the order the picker lists them (by their own names).
    public static readonly IReadOnlyList<string> Translated = ["en", "fi", "sv", "et", "pl", "hu", "nl", "it", "es", "el"];

    // Accented, 40% longer text in brackets: English left on a page, or text that cannot grow, stands out. The codes
    // are the pseudo-locales' usual ones (en-XA, ar-XB: private-use regions), valid language tags for lang="".
    public const string Pseudo = "en-XA";

    // The same, laid out right to left: the layout must mirror by translation alone.
    public const string PseudoRightToLeft = "ar-XB";

    private static readonly IReadOnlyDictionary<string, string> UsualFormats = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        // English texts with European dates and times (27/11/2026, 14:30): the audience is European.
        ["en"] = "en-GB",
        ["fi"] = "fi-FI",
        ["sv"] = "sv-SE",
        ["et"] = "et-EE",
        ["pl"] = "pl-PL",
        ["hu"] = "hu-HU",
        ["nl"] = "nl-NL",
        ["it"] = "it-IT",
        ["es"] = "es-ES",
        ["el"] = "el-GR",
        [Pseudo] = "en-GB",
        [PseudoRightToLeft] = "en-GB",
    };

    // Languages course content may be written in: the platform's own and the other large ones of its region.
    public static readonly IReadOnlyList<string> Content = [.. Translated, "de", "fr", "pt", "da", "nb", "lt", "lv"];

    // The list's spelling of a content language, or null when it is not in the list.
    public static string? FindContent(string? language) =>
        language is null ? null : Content.FirstOrDefault(l => string.Equals(l, language.Trim(), StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<string> Offered(bool pseudo) => pseudo ? [.. Translated, Pseudo, PseudoRightToLeft] : Translated;

    // The language of a culture name people or browsers give ("fi-FI" is Finnish), or null when it is not one of ours.
    public static string? Find(string? name, bool pseudo = false)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var trimmed = name.Trim();
        if (pseudo && trimmed.Equals(Pseudo, StringComparison.OrdinalIgnoreCase))
        {
            return Pseudo;
        }
        if (pseudo && trimmed.Equals(PseudoRightToLeft, StringComparison.OrdinalIgnoreCase))
        {
            return PseudoRightToLeft;
        }
        var dash = trimmed.IndexOf('-', StringComparison.Ordinal);
        var language = (dash < 0 ? trimmed : trimmed[..dash]).ToLowerInvariant();
        return Translated.Contains(language) ? language : null;
    }

    public static CultureInfo FormatsOf(string language) => CultureInfo.GetCultureInfo(UsualFormats.GetValueOrDefault(language, "en-GB"));

    public static bool IsRightToLeft(CultureInfo culture) =>
        culture.Name.Equals(PseudoRightToLeft, StringComparison.OrdinalIgnoreCase) || culture.TextInfo.IsRightToLeft;

    // The language's own name, as a speaker of it would look for it in a list ("suomi", "Ελληνικά").
    public static string NativeName(string language) => language switch
    {
        Pseudo => "[Ƥşêûδô]",
        PseudoRightToLeft => "[Ƥşêûδô ←]",
        _ => TitleCased(CultureInfo.GetCultureInfo(language)),
    };

    private static string TitleCased(CultureInfo culture) => culture.TextInfo.ToTitleCase(culture.NativeName);
}
