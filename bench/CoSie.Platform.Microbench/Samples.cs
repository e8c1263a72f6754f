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

    public static List<PostRow> Thread(int replies)
    {
        var random = new Random(42);
        var reflectionId = Guid.CreateVersion7();
        var posts = new List<PostRow> { new(reflectionId, reflectionId, null, -1, Guid.NewGuid(), "Author", PostStatus.Visible, "<p>A reflection.</p>", Start, null, 3) };
        for (var i = 0; i < replies; i++)
        {
            var parent = posts.Count == 1 || random.NextDouble() < 0.15 ? null : posts[random.Next(1, posts.Count)];
            var depth = parent is null ? 0 : Math.Min(parent.Depth + 1, 5);
            posts.Add(new PostRow(Guid.CreateVersion7(), reflectionId, parent?.Id, depth, Guid.NewGuid(), $"learner{random.Next(200)}", PostStatus.Visible,
                $"<p>Reply {i}: co-creation spreads when people <em>own</em> it.</p>", Start.AddMinutes(i), null, random.Next(3)));
        }
        return posts;
    }
}
