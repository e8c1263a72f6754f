namespace CoSie.Platform.Web.Features.Discussions.Threads;

public sealed record ThreadCacheKey(Guid ReflectionId, string Culture, ViewerClass Viewer);
