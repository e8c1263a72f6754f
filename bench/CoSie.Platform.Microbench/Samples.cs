using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Discussions.Threads;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoSie.Platform.Microbench;

// Inputs shaped like the benchmark database's: a reflection and its replies in a tree up to depth 6.
public static class Samples
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static IStringLocalizer<T> Localizer<T>() =>
        new StringLocalizer<T>(new CatalogueLocalizerFactory(NullLoggerFactory.Instance));

    // A thread in tree order, as the database returns it: each reply's path is its parent's plus its place among its
    // siblings.
    public static List<PostRow> Thread(int replies)
    {
        var random = new Random(42);
        var reflectionId = Guid.CreateVersion7();
        var posts = new List<PostRow> { new(reflectionId, reflectionId, null, -1, Guid.NewGuid(), "Author", PostStatus.Visible, "<p>A reflection.</p>", Start, null, 3) };
        var children = new Dictionary<Guid, int>();
        for (var i = 0; i < replies; i++)
        {
            var parent = posts.Count == 1 || random.NextDouble() < 0.15 ? posts[0] : posts[random.Next(1, posts.Count)];
            var position = children[parent.Id] = children.GetValueOrDefault(parent.Id) + 1;
            var depth = parent.IsReflection ? 0 : Math.Min(parent.Depth + 1, 5);
            posts.Add(new PostRow(Guid.CreateVersion7(), reflectionId, parent.IsReflection ? null : parent.Id, depth, Guid.NewGuid(), $"learner{random.Next(200)}", PostStatus.Visible,
                $"<p>Reply {i}: co-creation spreads when people <em>own</em> it.</p>", Start.AddMinutes(i), null, random.Next(3), Path: parent.Path + Reply.PathSegment(position)));
        }
        return [.. posts.OrderBy(p => p.Path, StringComparer.Ordinal)];
    }

    // The next reply of a thread made by Thread: one more answer to the reflection, last in tree order.
    public static PostRow NextReply(IReadOnlyList<PostRow> thread)
    {
        var reflection = thread[0];
        var roots = thread.Count(p => p.ParentReplyId is null && !p.IsReflection);
        return new PostRow(Guid.CreateVersion7(), reflection.Id, null, 0, Guid.NewGuid(), "learner7", PostStatus.Visible,
            "<p>One more reply.</p>", Start.AddDays(3), null, 0, Path: Reply.PathSegment(roots + 1));
    }
}
