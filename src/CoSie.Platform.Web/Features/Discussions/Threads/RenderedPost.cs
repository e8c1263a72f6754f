namespace CoSie.Platform.Web.Features.Discussions.Threads;

// One post's shared HTML: Head runs up to its "new" mark, Body from there to its actions; "</article>" closes it.
public sealed record RenderedPost(string Head, string Body);
