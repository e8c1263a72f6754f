using System.Text;
using BenchmarkDotNet.Attributes;
using CoSie.Platform.Web.Features.Discussions;

namespace CoSie.Platform.Microbench;

// The shared part of a thread page (rendered once per thread version and cached) and the per-person slots that
// every request writes into it, as ThreadModel does.
[MemoryDiagnoser]
public class ThreadRendering
{
    private ThreadRenderer _renderer = null!;
    private List<PostRow> _posts = null!;
    private ThreadSnapshot _snapshot = null!;
    private PersonalView _person = null!;

    [Params(20, 1000)]
    public int Replies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new ThreadRenderer(Samples.Localizer<ThreadRenderer>());
        _posts = Samples.Thread(Replies);
        _snapshot = _renderer.Render(_posts, ViewerClass.Reader, TimeZoneInfo.Utc);
        _person = new PersonalView(_posts[5 % _posts.Count].AuthorId, true, false, true, _posts.Where((_, i) => i % 7 == 0).Select(p => p.Id).ToHashSet(),
            Samples.Start.AddMinutes(Replies / 2), Samples.Start.AddDays(1), TimeSpan.FromMinutes(30), "/bench/cohorts/c/reflections/r");
    }

    [Benchmark]
    public ThreadSnapshot RenderSnapshot() => _renderer.Render(_posts, ViewerClass.Reader, TimeZoneInfo.Utc);

    [Benchmark]
    public int WritePersonalSlots()
    {
        var html = new StringBuilder(_snapshot.Parts.Sum(p => p.Length) + _snapshot.Posts.Count * 256);
        for (var i = 0; i < _snapshot.Slots.Count; i++)
        {
            html.Append(_snapshot.Parts[i]);
            var (post, kind) = _snapshot.Slots[i];
            _renderer.WriteSlot(html, _snapshot.Posts[post], kind, _person);
        }
        html.Append(_snapshot.Parts[^1]);
        return html.Length;
    }
}
