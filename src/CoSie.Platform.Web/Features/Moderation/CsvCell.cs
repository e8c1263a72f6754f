namespace CoSie.Platform.Web.Features.Moderation;

public static class CsvCell
{
    // Quotes a cell, and defuses what a spreadsheet would run as a formula (= + - @, tab, carriage return at the
    // start) by prefixing a single quote: a reason typed by a moderator must not become a formula in someone's Excel.
    public static string Write(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
