namespace CoSie.Platform.Web.Features.Digests;

public sealed record DigestThread(Guid ReflectionId, string PromptText, string? AuthorName, int NewReplies);
