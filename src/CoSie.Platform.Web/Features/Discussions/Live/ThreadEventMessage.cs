using System.Text.Json.Serialization;

namespace CoSie.Platform.Web.Features.Discussions.Live;

// One thread event as a live page receives it. Html is the post rendered by ThreadRenderer, as the page renders it;
// Path is the post's place in tree order, so that a page showing part of the thread can tell where a reply belongs.
// Kind travels as its name ("ReplyPosted"), which the page's scripts read.
public sealed record ThreadEventMessage(
    Guid ReflectionId,
    long Sequence,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ThreadEventKind>))] ThreadEventKind Kind,
    Guid PostId,
    Guid? ParentId,
    int Depth,
    string? Html,
    int HelpfulCount,
    int ReplyCount,
    string? Path = null);
