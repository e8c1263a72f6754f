namespace CoSie.Platform.Web.Features.Discussions.Reflections;

// A reflection as the prompt's list shows it; AuthorPicture is the version of the author's uploaded picture, if any.
public sealed record ReflectionSummary(
    Guid Id, Guid? AuthorId, string? AuthorName, PostStatus Status, string BodyHtml, DateTimeOffset CreatedAt, int ReplyCount, int HelpfulCount, bool IsNew, bool IsPinned = false,
    string? AuthorPicture = null);
