using System.Globalization;
using System.Text;

namespace CoSie.Platform.Web.Localization;

// The pseudo-languages' texts, made from the English: every letter accented, 40% longer, in brackets. A page read in
// a pseudo-language shows at a glance which words bypass the catalogue (plain English) and which layouts cannot take
// longer words. Only message text changes; argument names, plural keywords and '#' stay as they are.
public static class PseudoText
{
    private const string Plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const int PaddingWord = 12;
    private const string Accented = "àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";

    public static bool Applies(CultureInfo language) =>
        language.Name.Equals(PlatformLanguages.Pseudo, StringComparison.OrdinalIgnoreCase)
        || language.Name.Equals(PlatformLanguages.PseudoRightToLeft, StringComparison.OrdinalIgnoreCase);

    public static string Of(string english)
    {
        var text = new StringBuilder(english.Length * 2);
        var depth = 0;
        var letters = 0;
        var quoted = false;
        text.Append('[');
        for (var i = 0; i < english.Length; i++)
        {
            var c = english[i];
            // Message text sits at even brace depth (0, and inside plural branches); argument syntax at odd depth.
            if (c == '\'' && i + 1 < english.Length && english[i + 1] is '{' or '}' or '#' or '|')
            {
                quoted = true;
            }
            else if (c == '\'' && quoted)
            {
                quoted = false;
            }
            else if (!quoted && c == '{')
            {
                depth++;
            }
            else if (!quoted && c == '}')
            {
                depth--;
            }
            var index = depth % 2 == 0 ? Plain.IndexOf(c, StringComparison.Ordinal) : -1;
            if (index >= 0)
            {
                text.Append(Accented[index]);
                // Every fifth letter doubled, with the brackets: about 40% longer.
                if (++letters % 5 == 0)
                {
                    text.Append(Accented[index]);
                }
            }
            else
            {
                text.Append(c);
            }
        }
        // Padding up to 40% for short texts, where one doubled letter is not enough to stretch a layout. It comes as words
        // of at most twelve dots, as long as the long words of real languages, so a long text wraps as a translation would.
        var padding = Math.Max(0, (int)Math.Ceiling(english.Length * 0.4) - (letters / 5) - 2);
        for (var written = 0; written < padding; written += PaddingWord + 1)
        {
            text.Append(' ').Append('·', Math.Min(PaddingWord, padding - written - 1));
        }
        text.Append(']');
        return text.ToString();
    }
}
