using CsvHelper;

namespace CoSie.Platform.Web.Content;

// The one rule for CSV files the platform hands out: every cell quoted, and what a spreadsheet would run as a formula
// (= + - @, tab, carriage return at the start) defused with a leading single quote. Text people typed must not become
// a formula in someone's Excel.
public static class SpreadsheetCsv
{
    public static readonly CsvWriterOptions Options = new()
    {
        Quoting = CsvQuoting.Always,
        Injection = CsvInjection.Escape,
    };
}
