namespace CoSie.Platform.Web.Features.Discussions;

public sealed record ThreadCacheKey(Guid ReflectionId, long Version, string Culture, ViewerClass Viewer);
