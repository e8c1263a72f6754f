namespace CoSie.Platform.Web.Features.Discussions.Threads;

// What rendering one post needs; the reflection has Depth -1, no parent and the empty path (first in tree order).
public sealed record PostRow(
    Guid Id,
    Guid ReflectionId,
    Guid? ParentReplyId,
    int Depth,
    Guid? AuthorId,
    string? AuthorName,
    PostStatus Status,
    string BodyHtml,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    int HelpfulCount,
    string? HiddenReason = null,
    string Path = "",
    string? AuthorPicture = null)
{
    public bool IsReflection => Id == ReflectionId;

    public static PostRow From(Reflection r, string? authorName, string? authorPicture) =>
        new(r.Id, r.Id, null, -1, r.AuthorId, authorName, r.Status, r.BodyHtml, r.CreatedAt, r.EditedAt, r.HelpfulCount, r.HiddenReason, AuthorPicture: authorPicture);
}
