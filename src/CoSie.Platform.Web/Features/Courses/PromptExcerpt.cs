namespace CoSie.Platform.Web.Features.Courses;

// A prompt's text short enough to name it in a link: whole words up to a length, then an ellipsis.
public static class PromptExcerpt
{
    public const int MaxLength = 90;

    public static string Of(string text, int maxLength = MaxLength)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= maxLength)
        {
            return trimmed;
        }
        var cut = trimmed.LastIndexOf(' ', maxLength);
        // One long word (a URL, a compound) is cut where it stands.
        var end = cut > maxLength / 2 ? cut : maxLength;
        return trimmed[..end].TrimEnd(' ', ',', ';', ':', '-', '—') + "…";
    }
}
