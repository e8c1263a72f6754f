using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;

namespace CoSie.Platform.Web.Email;

// A mail's plain-text and HTML parts, written together a paragraph at a time: the words come from the localizer, and
// every value a person typed passes through MailText (no control characters) and is HTML-encoded in the HTML part.
public sealed class MailBody(IStringLocalizer localizer)
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new("<!DOCTYPE html><html><body>");

    public string Text => _text.ToString();
    public string Html => _html + "</body></html>";

    public MailBody Paragraph(string format, params string[] values)
    {
        var localized = localizer[format].Value;
        var clean = values.Select(MailText.Clean).ToArray();
        _text.Append(string.Format(CultureInfo.CurrentCulture, localized, clean)).Append("\n\n");
        var encoded = clean.Select(v => (object)HtmlEncoder.Default.Encode(v)).ToArray();
        _html.Append("<p>").Append(string.Format(CultureInfo.CurrentCulture, HtmlEncoder.Default.Encode(localized), encoded)).Append("</p>");
        return this;
    }

    public MailBody Link(string label, string url)
    {
        var localized = localizer[label].Value;
        _text.Append(localized).Append(":\n").Append(url).Append("\n\n");
        _html.Append("<p><a href=\"").Append(HtmlEncoder.Default.Encode(url)).Append("\">")
            .Append(HtmlEncoder.Default.Encode(localized)).Append("</a></p>");
        return this;
    }

    public MailBody When(bool condition, Func<MailBody, MailBody> write) => condition ? write(this) : this;
}
