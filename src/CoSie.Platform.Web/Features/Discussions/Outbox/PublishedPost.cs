namespace CoSie.Platform.Web.Features.Discussions.Outbox;

// A post that reached its readers: a reflection (PostId = ReflectionId) or a reply in its thread.
public sealed record PublishedPost(Guid ReflectionId, Guid PostId, Guid AuthorId);
