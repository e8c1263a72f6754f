using CoSie.Platform.Tests.Localization;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Discussions.Threads;

namespace CoSie.Platform.Tests.Discussions;

// A snapshot brought up to date change by change must be the snapshot a full read of the thread renders: the same
// posts in the same order, each with the same HTML, for readers and moderators alike.
public sealed class ThreadSnapshotAdvanceTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
    private readonly ThreadRenderer _renderer = new(TestCatalogue.Localizer<ThreadRenderer>());

    [Theory]
    [InlineData(ViewerClass.Reader, 1)]
    [InlineData(ViewerClass.Reader, 2)]
    [InlineData(ViewerClass.Reader, 3)]
    [InlineData(ViewerClass.Moderator, 1)]
    [InlineData(ViewerClass.Moderator, 2)]
    [InlineData(ViewerClass.Moderator, 3)]
    public void Every_change_applied_one_batch_at_a_time_gives_what_a_full_read_renders(ViewerClass viewer, int seed)
    {
        var thread = new SampleThread(seed);
        var snapshot = _renderer.Render(thread.Shown(viewer), viewer, Zone, default);

        for (var step = 0; step < 150; step++)
        {
            var changed = thread.ChangeSome();
            snapshot = _renderer.Advance(snapshot, thread.Reflection, changed, thread.Rows(changed), viewer, Zone, default);

            AssertSame(_renderer.Render(thread.Shown(viewer), viewer, Zone, default), snapshot);
        }
        Assert.True(snapshot.ReplyCount > 50);
    }

    [Fact]
    public void A_reply_approved_later_appears_for_readers_at_its_place_and_a_purged_row_leaves()
    {
        var thread = new SampleThread(7);
        var waiting = thread.Add(thread.Reflection, PostStatus.AwaitingApproval);
        var later = thread.Add(thread.Reflection, PostStatus.Visible);
        var snapshot = _renderer.Render(thread.Shown(ViewerClass.Reader), ViewerClass.Reader, Zone, default);
        Assert.Equal(-1, snapshot.IndexOf(waiting.Id));

        thread.Set(waiting with { Status = PostStatus.Visible });
        thread.Remove(later);
        snapshot = _renderer.Advance(snapshot, thread.Reflection, new HashSet<Guid> { waiting.Id, later.Id }, thread.Rows([waiting.Id, later.Id]), ViewerClass.Reader, Zone, default);

        Assert.Equal(snapshot.Posts.Count - 1, snapshot.IndexOf(waiting.Id));
        Assert.Equal(-1, snapshot.IndexOf(later.Id));
        AssertSame(_renderer.Render(thread.Shown(ViewerClass.Reader), ViewerClass.Reader, Zone, default), snapshot);
    }

    [Fact]
    public void Rows_keep_no_body_of_their_own_and_the_estimate_counts_every_post()
    {
        var thread = new SampleThread(11);
        for (var i = 0; i < 40; i++)
        {
            thread.ChangeSome();
        }
        var small = _renderer.Render(thread.Shown(ViewerClass.Moderator), ViewerClass.Moderator, Zone, default);
        for (var i = 0; i < 40; i++)
        {
            thread.ChangeSome();
        }
        var large = _renderer.Render(thread.Shown(ViewerClass.Moderator), ViewerClass.Moderator, Zone, default);

        Assert.All(large.Posts, p => Assert.Empty(p.BodyHtml));
        var characters = large.Rendered.Sum(r => (long)r.Head.Length + r.Body.Length);
        Assert.InRange(large.Bytes, (characters * 2) + large.Posts.Count, (characters * 2) + (large.Posts.Count * 1000));
        Assert.True(large.Bytes > small.Bytes);
    }

    private static void AssertSame(ThreadSnapshot expected, ThreadSnapshot actual)
    {
        Assert.Equal(expected.Posts.Select(p => p.Id), actual.Posts.Select(p => p.Id));
        Assert.Equal(expected.Posts, actual.Posts);
        Assert.Equal(expected.Rendered, actual.Rendered);
        Assert.Equal(expected.Bytes, actual.Bytes);
        for (var i = 0; i < expected.Posts.Count; i++)
        {
            Assert.Equal(i, actual.IndexOf(expected.Posts[i].Id));
        }
    }

    // A thread as the database holds it, changed the ways a thread changes: replies at any depth (deeper than the
    // indent, so some name whom they answer), edits, deletions, moderators hiding, approving and purging, helpful marks.
    private sealed class SampleThread
    {
        private readonly Random _random;
        private readonly List<PostRow> _rows = [];
        private readonly Dictionary<Guid, int> _children = [];
        private int _minute;

        public SampleThread(int seed)
        {
            _random = new Random(seed);
            var id = Guid.CreateVersion7();
            Reflection = new PostRow(id, id, null, -1, Guid.NewGuid(), "Aino", PostStatus.Visible, "<p>The reflection.</p>", Start, null, 0);
        }

        public PostRow Reflection { get; private set; }

        public IReadOnlyList<PostRow> Shown(ViewerClass viewer) =>
            [Reflection, .. _rows.Where(r => viewer == ViewerClass.Moderator || r.Status != PostStatus.AwaitingApproval).OrderBy(r => r.Path, StringComparer.Ordinal)];

        public IReadOnlyList<PostRow> Rows(IEnumerable<Guid> ids) => [.. _rows.Where(r => ids.Contains(r.Id))];

        public PostRow Add(PostRow parent, PostStatus status)
        {
            var position = _children[parent.Id] = _children.GetValueOrDefault(parent.Id) + 1;
            var reply = new PostRow(Guid.CreateVersion7(), Reflection.Id, parent.IsReflection ? null : parent.Id, parent.Depth + 1, Guid.NewGuid(),
                _random.Next(5) == 0 ? null : $"Learner {_random.Next(30)}", status, $"<p>Reply {_rows.Count} &amp; more.</p>",
                Start.AddMinutes(++_minute), null, 0, Path: parent.Path + Reply.PathSegment(position));
            _rows.Add(reply);
            return reply;
        }

        public void Set(PostRow row) => _rows[_rows.FindIndex(r => r.Id == row.Id)] = row;

        public void Remove(PostRow row) => _rows.RemoveAll(r => r.Id == row.Id);

        // One to three changes, as the events between two readers name them (the reflection's own changes are in
        // its row, which every advance renders again).
        public HashSet<Guid> ChangeSome()
        {
            var changed = new HashSet<Guid>();
            for (var n = _random.Next(1, 4); n > 0; n--)
            {
                var pick = _rows.Count == 0 ? null : _rows[_random.Next(_rows.Count)];
                switch (pick is null ? 0 : _random.Next(10))
                {
                    case < 5:
                        var parent = pick is null || _random.Next(4) == 0 ? Reflection : pick;
                        changed.Add(Add(parent, _random.Next(8) == 0 ? PostStatus.AwaitingApproval : PostStatus.Visible).Id);
                        break;
                    case 5:
                        Set(pick! with { BodyHtml = $"<p>Edited {_minute}.</p>", EditedAt = Start.AddMinutes(++_minute) });
                        changed.Add(pick!.Id);
                        break;
                    case 6:
                        Set(pick! with { Status = pick.Status == PostStatus.AwaitingApproval ? PostStatus.Visible : PostStatus.HiddenByModerator, HiddenReason = "Off topic" });
                        changed.Add(pick!.Id);
                        break;
                    case 7:
                        Set(pick! with { Status = PostStatus.Deleted });
                        changed.Add(pick!.Id);
                        break;
                    case 8:
                        Set(pick! with { HelpfulCount = pick.HelpfulCount + 1 });
                        changed.Add(pick!.Id);
                        break;
                    default:
                        Reflection = Reflection with { HelpfulCount = Reflection.HelpfulCount + 1, EditedAt = Start.AddMinutes(++_minute) };
                        break;
                }
            }
            return changed;
        }
    }
}
