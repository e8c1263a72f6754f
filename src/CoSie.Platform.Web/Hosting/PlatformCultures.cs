using System.Globalization;

namespace CoSie.Platform.Web.Hosting;

// The regions people can choose for dates, times and numbers, apart from the language they read
// (Localization/PlatformLanguages): a Finnish reader may want Swedish-Finnish dates.
public static class PlatformCultures
{
    // European dates and times (27/11/2026, 14:30): the audience is European.
    public const string Default = "en-GB";

    public static readonly IReadOnlyList<string> Supported =
        ["en-GB", "en-IE", "en", "de", "el", "es", "et", "fi", "fr", "hu", "it", "nl", "nl-BE", "pl", "pt", "sv", "sv-FI"];

    public static bool IsSupported(string? culture) => Find(culture) is not null;

    // The list's own spelling of a culture name, or null when it is not in the list.
    public static string? Find(string? culture) =>
        culture is null ? null : Supported.FirstOrDefault(c => string.Equals(c, culture.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string DisplayName(string culture) => CultureInfo.GetCultureInfo(culture).NativeName;
}
