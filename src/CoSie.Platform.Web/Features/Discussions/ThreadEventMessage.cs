namespace CoSie.Platform.Web.Features.Discussions;

// One thread event as a live page receives it. Html is the post rendered by ThreadRenderer, as the page renders it.
public sealed record ThreadEventMessage(
    Guid ReflectionId,
    long Sequence,
    string Kind,
    Guid PostId,
    Guid? ParentId,
    int Depth,
    string? Html,
    int HelpfulCount,
    int ReplyCount);
