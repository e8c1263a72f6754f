using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html;

namespace CoSie.Platform.Web.Content;

// The stock HTML serializer writes U+00A0 as "&nbsp;"; course text should keep typographic
// characters as characters. Only the characters that change parsing are escaped, and "<" / ">"
// are escaped inside attribute values too (as Ganss.Xss.HtmlFormatter does) to avoid mutation XSS.
internal sealed class ContentMarkupFormatter : HtmlMarkupFormatter
{
    public static new readonly ContentMarkupFormatter Instance = new();

    public override string Text(ICharacterData text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Escape(text.Data, inAttribute: false);
    }

    protected override string Attribute(IAttr attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        return string.Concat(attribute.Name, "=\"", Escape(attribute.Value, inAttribute: true), "\"");
    }

    private static string Escape(string value, bool inAttribute)
    {
        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '"' when inAttribute:
                    builder.Append("&quot;");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
