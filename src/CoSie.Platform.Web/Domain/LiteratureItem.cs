namespace CoSie.Platform.Web.Domain;

// One reference for further reading: its sanitized inline HTML, plain text, and the links it carries.
public sealed class LiteratureItem
{
    public string Html { get; set; } = string.Empty;
    public string Text { get; set; } = string.Empty;
    public List<string> Urls { get; set; } = [];
}
