using System.Globalization;

namespace CoSie.Platform.Web.Hosting;

public static class PlatformCultures
{
    // English texts with European dates and times (27/11/2026, 14:30): the audience is European.
    public const string Default = "en-GB";

    // Cultures people can choose for dates and numbers; texts are English until translations arrive.
    public static readonly IReadOnlyList<string> Supported =
        ["en-GB", "en", "de", "es", "et", "fi", "fr", "hu", "it", "nl", "pl", "pt", "sv"];

    public static bool IsSupported(string? culture) =>
        culture is not null && Supported.Contains(culture, StringComparer.OrdinalIgnoreCase);

    public static string DisplayName(string culture) => CultureInfo.GetCultureInfo(culture).NativeName;
}
