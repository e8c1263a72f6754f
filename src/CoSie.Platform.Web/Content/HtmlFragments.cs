using System.Text;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CoSie.Platform.Web.Content;

internal static partial class HtmlFragments
{
    // A standards-mode shell, so fragments parse as they would in a browser rendering the platform's pages.
    private const string DocumentShell = "<!DOCTYPE html><html><head></head><body></body></html>";

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul", "center", "menu",
    };

    public static IHtmlDocument Parse(string html)
    {
        // HtmlParser keeps per-parse state in its tokenizer; a fresh instance per call keeps callers thread safe.
        var parser = new HtmlParser();
        var document = parser.ParseDocument(DocumentShell);
        document.Body!.InnerHtml = html;
        return document;
    }

    public static IHtmlElement Body(IHtmlDocument document) => document.Body!;

    public static string Serialize(IElement container)
    {
        var builder = new StringBuilder();
        foreach (var child in container.ChildNodes)
        {
            builder.Append(child.ToHtml(ContentMarkupFormatter.Instance));
        }

        return builder.ToString();
    }

    public static bool IsBlock(INode? node) => node is IElement element && BlockElements.Contains(element.LocalName);

    public static bool IsElement(INode? node, params string[] names) =>
        node is IElement element && names.Contains(element.LocalName, StringComparer.OrdinalIgnoreCase);

    public static string PlainText(INode node)
    {
        var builder = new StringBuilder();
        AppendText(node, builder);
        return CollapseWhitespace(builder.ToString());
    }

    public static string CollapseWhitespace(string text) => WhitespaceRun().Replace(text, " ").Trim();

    public static void Unwrap(IElement element)
    {
        var parent = element.Parent;
        if (parent is null)
        {
            return;
        }

        while (element.FirstChild is { } child)
        {
            parent.InsertBefore(child, element);
        }

        element.Remove();
    }

    public static bool HasMeaningfulContent(INode node) =>
        !string.IsNullOrEmpty(CollapseWhitespace(node.TextContent.Replace('\u200B', ' ').Replace('\uFEFF', ' ')))
        || (node is IElement element && element.QuerySelector("img, audio, video") is not null)
        || IsElement(node, "img", "hr", "audio", "video");

    private static void AppendText(INode node, StringBuilder builder)
    {
        if (node is IText text)
        {
            builder.Append(text.Data);
            return;
        }

        if (node is IElement { LocalName: "br" })
        {
            builder.Append(' ');
            return;
        }

        var block = IsBlock(node);
        if (block)
        {
            builder.Append(' ');
        }

        foreach (var child in node.ChildNodes)
        {
            AppendText(child, builder);
        }

        if (block)
        {
            builder.Append(' ');
        }
    }

    // \s in .NET covers U+00A0 and other Unicode spaces, which is what plain text wants.
    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();
}
