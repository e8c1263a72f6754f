namespace CoSie.Platform.Web.Features.Discussions.Threads;

public sealed record ThreadCacheKey(Guid ReflectionId, long Version, string Culture, ViewerClass Viewer);
