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

    // A moment typed as a date and a time of day, on the wall clock of a time zone the page names: the reader's short
    // date and short time ("31/12/2026 14:30" in en-GB, "31.12.2026 14.30" in Finnish), or ISO ("2026-12-31T14:30",
    // as a datetime-local field sends it). The time may be written with a colon where the culture uses a full stop.
    public static string FormatDateTime(DateTime local, CultureInfo culture) =>
        local.ToString(culture.DateTimeFormat.ShortDatePattern + " " + culture.DateTimeFormat.ShortTimePattern, culture);

    // 31 December of the given year at 14:30: the day is above 12 and the hour above 12, so both are unmistakable.
    public static string DateTimeExample(DateOnly today, CultureInfo culture) =>
        FormatDateTime(new DateTime(today.Year, 12, 31, 14, 30, 0, DateTimeKind.Unspecified), culture);

    private static readonly string[] IsoDateTimes = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    public static bool TryReadDateTime(string? text, CultureInfo culture, out DateTime moment)
    {
        var trimmed = text?.Trim();
        moment = default;
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }
        var format = culture.DateTimeFormat;
        string[] own = [format.ShortDatePattern + " " + format.ShortTimePattern, format.ShortDatePattern + " " + format.LongTimePattern,
            format.ShortDatePattern + " H':'mm", format.ShortDatePattern + " H'.'mm"];
        var read = DateTime.TryParseExact(trimmed, IsoDateTimes, CultureInfo.InvariantCulture, DateTimeStyles.None, out moment)
            || DateTime.TryParseExact(trimmed, own, culture, DateTimeStyles.AllowWhiteSpaces, out moment);
        moment = DateTime.SpecifyKind(moment, DateTimeKind.Unspecified);
        return read;
    }
}
