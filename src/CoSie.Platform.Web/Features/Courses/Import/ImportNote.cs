namespace CoSie.Platform.Web.Features.Courses.Import;

// Something the import dropped or changed on a page, for the preview's list; what the instructor should fix (an image
// that could not be copied, an image without alternative text) is a warning. ImportTexts words each one.
public abstract record ImportNote(bool IsWarning = false)
{
    public sealed record ImageCopied(string Url) : ImportNote;

    public sealed record ImageNotCopied(string Url, MediaProblem Problem) : ImportNote(IsWarning: true);

    public sealed record ImageWithoutAlt(string Url) : ImportNote(IsWarning: true);

    public sealed record DataImageDropped() : ImportNote(IsWarning: true);

    public sealed record MediaPlayer(string Url) : ImportNote;

    public sealed record MediaLink(string Url, MediaProblem Problem) : ImportNote(IsWarning: true);

    public sealed record MediaWithoutSource() : ImportNote(IsWarning: true);

    public sealed record EmbedPlaceholder(string Provider, string Host) : ImportNote;

    public sealed record EmbedLink(string Url) : ImportNote;

    public sealed record EmbedDropped : ImportNote;

    public sealed record CaptionConverted : ImportNote;

    public sealed record GalleryDropped(string Ids) : ImportNote(IsWarning: true);

    public sealed record BlockDropped(string Name) : ImportNote;
}
