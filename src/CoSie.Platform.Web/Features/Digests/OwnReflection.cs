namespace CoSie.Platform.Web.Features.Digests;

// A reader's own standing reflection on a prompt: what the post-first gate and the next module look at.
public sealed record OwnReflection(Guid Id, Guid AuthorId, Guid PromptId, DateTimeOffset CreatedAt);
