using System.Text;

namespace CoSie.Platform.Web.Email;

// Every value a person, an import or an administrator wrote passes through here on its way into a mail: text and HTML
// bodies, subjects and the names in headers. A line break in a display name would start a line of its own in a
// plain-text body (a fake "Reset your password: https://..." line under the platform's name), other control characters
// reach mail clients and terminals raw, and a bidi override or isolate turns the text after it around ("exe.pdf"). The
// templates add their own line breaks around these values, never inside them. Input validation refuses such names too;
// this holds for rows written before it, or past it.
public static class MailText
{
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (IsBidiControl(c))
            {
                continue;
            }
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                // A run of breaks and controls becomes one space, so "first\r\nsecond" stays two words on one line.
                pendingSpace = true;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString().Trim();
    }

    // The embeddings and overrides (U+202A-U+202E) and the isolates (U+2066-U+2069).
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
