namespace CoSie.Platform.Web.Features.Digests;

// A reflection (ReplyId null) or a reply, as a digest lists it.
public sealed record DigestPost(Guid ReflectionId, Guid? ReplyId, string PromptText, string? AuthorName, string Excerpt, DateTimeOffset At);
