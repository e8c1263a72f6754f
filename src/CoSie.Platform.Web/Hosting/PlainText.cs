using System.Text;

namespace CoSie.Platform.Web.Hosting;

// The one rule for text people type: no control characters (C0, DEL, C1) and no bidirectional embeddings, overrides
// or isolates (U+202A-U+202E, U+2066-U+2069), which can make a name read differently from what it is or break a line
// into a plain-text mail; a multi-line field may hold tab, CR and LF. Text is kept in NFC, so that the same word typed
// on two systems is the same string (for comparison, uniqueness and search). PlainTextCleanupSql applies the same
// rule to rows stored before it existed.
public static class PlainText
{
    // The HttpContext item that names the first field a request was refused for (PlainTextModelBinder).
    public const string RefusedField = "PlainText.RefusedField";

    public static bool IsRefused(char c, bool multiline) => c switch
    {
        '\t' or '\r' or '\n' => !multiline,
        < '\u0020' or (>= '\u007F' and <= '\u009F') => true,
        (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') => true,
        _ => false,
    };

    // The text in NFC, or null when it holds a refused character (or is not well-formed UTF-16, which NFC cannot take).
    public static string? Accept(string value, bool multiline)
    {
        foreach (var c in value)
        {
            if (IsRefused(c, multiline))
            {
                return null;
            }
        }
        try
        {
            return value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
