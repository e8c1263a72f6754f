using System.Globalization;

namespace CoSie.Platform.Web.Localization;

// Dates that people type. A native date input shows the browser's own format (mm/dd/yyyy in an American browser)
// whatever the institution uses, so the platform's date fields are text fields in the reader's format (the culture
// of the request: the person's region, else the institution's), with an example beside them. They accept that format
// and the ISO year-month-day that links, bookmarks and older pages carry.
public static class DateInput
{
    public static string Format(DateOnly date, CultureInfo culture) => date.ToString("d", culture);

    // The last day of the given year: its day is above 12, so the example shows which number is the day.
    public static string Example(DateOnly today, CultureInfo culture) => Format(new DateOnly(today.Year, 12, 31), culture);

    public static bool TryRead(string? text, CultureInfo culture, out DateOnly date)
    {
        var trimmed = text?.Trim();
        date = default;
        return !string.IsNullOrEmpty(trimmed)
            && (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
                || DateOnly.TryParseExact(trimmed, culture.DateTimeFormat.ShortDatePattern, culture, DateTimeStyles.None, out date)
                || DateOnly.TryParse(trimmed, culture, DateTimeStyles.None, out date));
    }
}
