using System.Text;
using AngleSharp.Dom;

namespace CoSie.Platform.Web.Content;

// Turns a sanitized inline fragment (a literature reference) back into the Markdown an instructor edits:
// emphasis and links survive the round trip through the editor, everything else becomes its text.
public static class InlineMarkdown
{
    public static string FromHtml(string html)
    {
        var body = HtmlFragments.Body(HtmlFragments.Parse(html));
        var builder = new StringBuilder();
        Append(body, builder);
        return HtmlFragments.CollapseWhitespace(builder.ToString());
    }

    private static void Append(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(Escape(text.Data));
                    break;
                case IElement { LocalName: "em" or "i" or "cite" } element when HtmlFragments.PlainText(element).Length > 0:
                    Wrap(element, "*", builder);
                    break;
                case IElement { LocalName: "strong" or "b" } element when HtmlFragments.PlainText(element).Length > 0:
                    Wrap(element, "**", builder);
                    break;
                case IElement { LocalName: "a" } anchor when anchor.GetAttribute("href") is { Length: > 0 } href:
                    var label = HtmlFragments.PlainText(anchor);
                    // A link whose text is its address stays a bare address: the renderer links it again.
                    builder.Append(label == href || label.Length == 0 ? href : $"[{Escape(label)}]({href.Replace(")", "%29", StringComparison.Ordinal)})");
                    break;
                case IElement { LocalName: "br" }:
                    builder.Append(' ');
                    break;
                case IElement element:
                    Append(element, builder);
                    break;
            }
        }
    }

    private static void Wrap(IElement element, string marker, StringBuilder builder)
    {
        var inner = new StringBuilder();
        Append(element, inner);
        var text = inner.ToString();
        var trimmed = text.Trim();
        // Markdown emphasis may not start or end with a space; keep the spaces outside the markers.
        builder.Append(text[..(text.Length - text.TrimStart().Length)]).Append(marker).Append(trimmed).Append(marker)
            .Append(text[text.TrimEnd().Length..]);
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal)
            .Replace("]", "\\]", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal);
}
