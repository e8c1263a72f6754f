using BenchmarkDotNet.Attributes;
using CoSie.Platform.Web.Features.Discussions;
using CoSie.Platform.Web.Features.Discussions.Threads;

namespace CoSie.Platform.Microbench;

// The shared part of a thread page (rendered once and cached, then brought up to date change by change) and the page of it, with the
// per-person slots filled, that every request writes, as ThreadModel does.
[MemoryDiagnoser]
public class ThreadRendering
{
    private ThreadRenderer _renderer = null!;
    private List<PostRow> _posts = null!;
    private ThreadSnapshot _snapshot = null!;
    private PersonalView _person = null!;
    private PostRow _next = null!;
    private HashSet<Guid> _changed = null!;

    [Params(20, 1000)]
    public int Replies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new ThreadRenderer(Samples.Localizer<ThreadRenderer>());
        _posts = Samples.Thread(Replies);
        _snapshot = _renderer.Render(_posts, ViewerClass.Reader, TimeZoneInfo.Utc, default);
        _next = Samples.NextReply(_posts);
        _changed = [_next.Id];
        _person = new PersonalView(_posts[5 % _posts.Count].AuthorId, true, false, true, _posts.Where((_, i) => i % 7 == 0).Select(p => p.Id).ToHashSet(),
            Samples.Start.AddMinutes(Replies / 2), Samples.Start.AddDays(1), TimeSpan.FromMinutes(30), "/bench/cohorts/c/reflections/r");
    }

    [Benchmark]
    public ThreadSnapshot RenderSnapshot() => _renderer.Render(_posts, ViewerClass.Reader, TimeZoneInfo.Utc, default);

    // What the first reader after a new reply pays instead of RenderSnapshot: the cached snapshot with the reply put in.
    [Benchmark]
    public ThreadSnapshot AdvanceSnapshot() => _renderer.Advance(_snapshot, _posts[0], _changed, [_next], ViewerClass.Reader, TimeZoneInfo.Utc, default);

    // One page as ThreadModel writes it: the reflection and the first page of replies, slots filled for the person.
    [Benchmark]
    public int WritePersonalPage()
    {
        using var writer = new StringWriter();
        new ThreadSlice(_renderer, _snapshot, _person, 0, Math.Min(_snapshot.Posts.Count, 1 + new DiscussionOptions().PageSize))
            .WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.GetStringBuilder().Length;
    }
}
