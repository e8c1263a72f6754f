namespace CoSie.Platform.Web.Features.Digests;

// A reflection (ReplyId null) or a reply as the digest query reads it. ParentAuthorId is whose post a reply answers;
// ThreadAuthorId the author of the reflection the thread belongs to (null for a reflection itself).
public sealed record DigestPostRow(
    Guid ReflectionId,
    Guid? ReplyId,
    Guid PromptId,
    Guid? AuthorId,
    string? AuthorName,
    Guid? ParentAuthorId,
    string Source,
    DateTimeOffset CreatedAt,
    Guid? ThreadAuthorId,
    string? ThreadAuthorName);
