using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace CoSie.Platform.Web.Email;

// A mail's plain-text and HTML parts, written together a paragraph at a time from texts the caller's localizer has
// formatted with their values. Each whole text passes through MailText, so the values a person typed in it carry no
// control characters, and is HTML-encoded whole in the HTML part: the texts hold no markup of their own.
public sealed class MailBody
{
    private readonly StringBuilder _text = new();
    // Constructed inside the recipient's locale (Locale.Render), so the mail says its own language.
    private readonly StringBuilder _html = new($"<!DOCTYPE html><html lang=\"{CultureInfo.CurrentUICulture.Name}\"><body>");

    public string Text => _text.ToString();
    public string Html => _html + "</body></html>";

    public MailBody Paragraph(LocalizedString text)
    {
        var clean = MailText.Clean(text.Value);
        _text.Append(clean).Append("\n\n");
        _html.Append("<p>").Append(HtmlEncoder.Default.Encode(clean)).Append("</p>");
        return this;
    }

    public MailBody Link(LocalizedString label, string url)
    {
        var clean = MailText.Clean(label.Value);
        _text.Append(clean).Append(":\n").Append(url).Append("\n\n");
        _html.Append("<p><a href=\"").Append(HtmlEncoder.Default.Encode(url)).Append("\">")
            .Append(HtmlEncoder.Default.Encode(clean)).Append("</a></p>");
        return this;
    }

    public MailBody When(bool condition, Func<MailBody, MailBody> write) => condition ? write(this) : this;
}
