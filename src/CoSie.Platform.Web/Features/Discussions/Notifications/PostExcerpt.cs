using CoSie.Platform.Web.Content;

namespace CoSie.Platform.Web.Features.Discussions.Notifications;

// A post's first words as plain text, for the notifications page and mail: markup gone, runs of white space one space,
// cut at a word's end with an ellipsis. Whoever shows it encodes it again.
public static class PostExcerpt
{
    public const int SourceLength = 800;
    public const int Length = 200;

    public static string Of(string? source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return string.Empty;
        }
        var text = string.Join(' ', MarkdownRenderer.PostPlainText(source).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= Length)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', Length);
        return string.Concat(text.AsSpan(0, cut > Length / 2 ? cut : Length).TrimEnd(), "…");
    }
}
