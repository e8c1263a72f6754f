using CoSie.Platform.Web.Content;

namespace CoSie.Platform.Web.Features.Discussions.Posts;

// A post's Markdown and its sanitized HTML, or why it cannot be posted.
public sealed class PostBody(MarkdownRenderer markdown)
{
    public DiscussionOutcome Check(string? source, out string trimmed, out string html)
    {
        trimmed = (source ?? string.Empty).Trim();
        html = string.Empty;
        if (trimmed.Length > Reflection.MaxBodyLength)
        {
            return DiscussionOutcome.TooLong;
        }
        if (trimmed.Length == 0)
        {
            return DiscussionOutcome.Empty;
        }
        html = markdown.RenderPost(trimmed);
        // Markup that sanitizes to nothing (an image without alt text, say) is as empty as no text.
        return html.Length == 0 ? DiscussionOutcome.Empty : DiscussionOutcome.Done;
    }
}
