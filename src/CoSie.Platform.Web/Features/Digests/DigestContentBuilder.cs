using System.Text.Json;
using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Synthesis;

namespace CoSie.Platform.Web.Features.Digests;

// Builds the digests of many members of one cohort with a fixed number of queries, whatever the number of members:
// six for the cohort (cohort, modules and prompts, new reflections, new replies, pinned reflections, closed syntheses) and three per batch of readers
// (their own reflections, their unread mentions, their thread visits). Everything else happens in memory, on rows
// bounded by one period's activity in the cohort. See docs/decisions/0008-digests-in-batches.md.
public sealed class DigestContentBuilder(PlatformDbContext db, TimeProvider clock)
{
    public const int MaxListed = 10;
    public const int MaxActiveThreads = 3;
    private const int ExcerptSourceLength = 800;
    private const int ExcerptLength = 240;

    public async Task<CohortDigestData?> LoadCohortAsync(Guid cohortId, DateTimeOffset since, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cohortId, cancellationToken);
        if (cohort is null)
        {
            return null;
        }
        var course = await db.Courses.AsNoTracking().Where(c => c.Id == cohort.CourseId)
            .Select(c => new { c.Slug, c.Title, Modules = c.Modules.OrderBy(m => m.Position).Select(m => new { m.Id, m.Slug, m.Title, m.Status, Prompts = m.Prompts.Where(p => p.CohortId == null || p.CohortId == cohortId).OrderBy(p => p.Position).Select(p => new { p.Id, p.Text }).ToList() }).ToList() })
            .SingleAsync(cancellationToken);

        // A post is mailed once its edit window has passed ("settled"), so what is mailed is what stays.
        var window = cohort.EditWindow;
        var windowStart = since - window;
        var windowEnd = asOf - window;
        var reflections = await (
                from r in db.Reflections
                where r.CohortId == cohortId && r.Status == PostStatus.Visible && r.CreatedAt > windowStart && r.CreatedAt <= windowEnd
                join u in db.Users on r.AuthorId equals u.Id into authors
                from u in authors.DefaultIfEmpty()
                orderby r.CreatedAt
                select new DigestPostRow(r.Id, null, r.PromptId, r.AuthorId, u.DisplayName, null, r.BodySource.Substring(0, ExcerptSourceLength), r.CreatedAt, null, null))
            .AsNoTracking().ToListAsync(cancellationToken);
        var replies = await (
                from x in db.Replies
                join r in db.Reflections on x.ReflectionId equals r.Id
                where r.CohortId == cohortId && x.Status == PostStatus.Visible && r.Status != PostStatus.HiddenByModerator
                    && x.CreatedAt > windowStart && x.CreatedAt <= windowEnd
                join parent in db.Replies on x.ParentReplyId equals parent.Id into parents
                from parent in parents.DefaultIfEmpty()
                join u in db.Users on x.AuthorId equals u.Id into authors
                from u in authors.DefaultIfEmpty()
                join ru in db.Users on r.AuthorId equals ru.Id into reflectionAuthors
                from ru in reflectionAuthors.DefaultIfEmpty()
                orderby x.CreatedAt
                select new DigestPostRow(x.ReflectionId, x.Id, r.PromptId, x.AuthorId, u.DisplayName,
                    x.ParentReplyId == null ? r.AuthorId : parent.AuthorId, x.BodySource.Substring(0, ExcerptSourceLength), x.CreatedAt, r.AuthorId, ru.DisplayName))
            .AsNoTracking().ToListAsync(cancellationToken);

        var pinned = await (
                from r in db.Reflections
                where r.CohortId == cohortId && r.IsPinned && r.Status == PostStatus.Visible
                join u in db.Users on r.AuthorId equals u.Id into authors
                from u in authors.DefaultIfEmpty()
                orderby r.PinnedAt descending
                select new DigestPostRow(r.Id, null, r.PromptId, r.AuthorId, u.DisplayName, null, r.BodySource.Substring(0, ExcerptSourceLength), r.CreatedAt, null, null))
            .Take(MaxListed).AsNoTracking().ToListAsync(cancellationToken);

        // A closed synthesis is news once, in the digest of the period it was closed in; a hidden one is news to nobody.
        var closed = await db.CohortSyntheses.AsNoTracking()
            .Where(s => s.CohortId == cohortId && !s.IsHidden && s.ClosedAt > since && s.ClosedAt <= asOf)
            .OrderBy(s => s.ClosedAt)
            .Select(s => new { s.ModuleId, s.ClosedAt, s.Texts })
            .ToListAsync(cancellationToken);
        var syntheses = closed
            .Select(s => new DigestSynthesis(s.ModuleId, course.Modules.FirstOrDefault(m => m.Id == s.ModuleId)?.Title ?? string.Empty, s.ClosedAt!.Value, Snapshot(s.Texts)))
            .ToList();

        var prompts = course.Modules.SelectMany(m => m.Prompts.Select(p => (p.Id, p.Text, m.Slug))).ToDictionary(p => p.Id, p => (p.Text, ModuleSlug: p.Slug));
        var modules = course.Modules.Where(m => m.Status == ModuleStatus.Published && m.Prompts.Count > 0)
            .Select(m => new CohortDigestData.ModuleRow(m.Title, m.Slug, m.Prompts.Select(p => p.Id).ToList())).ToList();
        return new CohortDigestData(cohort, course.Slug, course.Title, prompts, modules, reflections, replies, pinned, syntheses);
    }

    public async Task<IReadOnlyDictionary<Guid, DigestContent>> BuildAsync(CohortDigestData data, IReadOnlyList<DigestReader> readers, CancellationToken cancellationToken)
    {
        var cohortId = data.Cohort.Id;
        var readerIds = readers.Select(r => r.UserId).Distinct().ToList();
        var since = readers.Min(r => r.PeriodStart);
        var own = await db.Reflections.AsNoTracking()
            .Where(r => r.CohortId == cohortId && r.Status != PostStatus.Deleted && r.AuthorId != null && readerIds.Contains(r.AuthorId.Value))
            .Select(r => new OwnReflection(r.Id, r.AuthorId!.Value, r.PromptId, r.CreatedAt))
            .ToListAsync(cancellationToken);
        var mentions = await db.Notifications.AsNoTracking()
            .Where(n => n.CohortId == cohortId && n.Kind == NotificationKind.Mention && n.ReadAt == null && readerIds.Contains(n.UserId) && n.CreatedAt > since - data.Cohort.EditWindow)
            .Select(n => new { n.UserId, n.PostId })
            .ToListAsync(cancellationToken);
        var visits = await (
                from v in db.ThreadVisits
                join r in db.Reflections on v.ReflectionId equals r.Id
                where r.CohortId == cohortId && readerIds.Contains(v.UserId) && v.VisitedAt > since
                select new { v.UserId, v.ReflectionId, v.VisitedAt })
            .AsNoTracking().ToListAsync(cancellationToken);

        var gate = new DigestReadGate(data.Cohort, own.ToLookup(o => o.AuthorId), clock.GetUtcNow());
        var visitsByReader = visits.GroupBy(v => v.UserId).ToDictionary(g => g.Key, g => g.ToDictionary(v => v.ReflectionId, v => v.VisitedAt));
        var mentionsByReader = mentions.ToLookup(m => m.UserId, m => m.PostId);
        var postsById = data.Reflections.Concat(data.Replies).ToDictionary(p => p.ReplyId ?? p.ReflectionId);

        // Readers of one batch mostly share their period; each period's posts are indexed once, and each reader then
        // touches only what concerns them (their prompts, their posts, their visits), never every post of the week.
        var result = new Dictionary<Guid, DigestContent>();
        foreach (var period in readers.GroupBy(r => (r.PeriodStart, r.AsOf)))
        {
            var index = new PeriodIndex(data, period.Key.PeriodStart, period.Key.AsOf);
            foreach (var reader in period)
            {
                result[reader.UserId] = Build(data, index, gate, reader, visitsByReader.GetValueOrDefault(reader.UserId), mentionsByReader[reader.UserId], postsById);
            }
        }
        return result;
    }

    private static DigestContent Build(
        CohortDigestData data, PeriodIndex index, DigestReadGate gate, DigestReader reader,
        Dictionary<Guid, DateTimeOffset>? seen, IEnumerable<Guid> mentionIds, Dictionary<Guid, DigestPostRow> postsById)
    {
        var me = reader.UserId;
        // Read on the site already: the reader opened the thread after the post appeared.
        bool Read(DigestPostRow post) => seen is not null && seen.TryGetValue(post.ReflectionId, out var visited) && visited >= post.CreatedAt;
        bool Unread(DigestPostRow post) => post.AuthorId != me && !Read(post);
        bool Readable(DigestPostRow post) => gate.MayRead(me, reader.Role, post.PromptId, post.ThreadAuthorId ?? post.AuthorId);

        var latest = new List<DigestPostRow>();
        var total = 0;
        var nudges = new List<DigestNudge>();
        foreach (var (promptId, posts) in index.ReflectionsByPrompt)
        {
            if (!gate.MayRead(me, reader.Role, promptId, authorId: null))
            {
                nudges.Add(new DigestNudge(promptId, PromptText(data, promptId), posts.Count(p => p.AuthorId != me), data.Prompts.GetValueOrDefault(promptId).ModuleSlug));
                continue;
            }
            total += posts.Count;
            var taken = 0;
            for (var i = posts.Count - 1; i >= 0 && taken < MaxListed; i--)
            {
                if (Unread(posts[i]))
                {
                    latest.Add(posts[i]);
                    taken++;
                }
            }
        }
        // Not counted: the reader's own reflections, and those already read.
        foreach (var ownPost in gate.Own(me))
        {
            if (index.Reflections.TryGetValue(ownPost.Id, out var post) && gate.MayRead(me, reader.Role, post.PromptId, authorId: null))
            {
                total--;
            }
        }
        if (seen is not null)
        {
            foreach (var (reflectionId, _) in seen)
            {
                if (index.Reflections.TryGetValue(reflectionId, out var post) && post.AuthorId != me && Read(post) && Readable(post))
                {
                    total--;
                }
            }
        }
        nudges.RemoveAll(n => n.Waiting == 0);

        var toYou = index.RepliesByParentAuthor[me].Where(p => Unread(p) && Readable(p)).ToList();
        var mentioned = mentionIds.Distinct()
            .Select(id => postsById.GetValueOrDefault(id))
            .OfType<DigestPostRow>()
            .Where(p => index.Settled(p) && Unread(p) && Readable(p))
            .ToList();
        var listed = toYou.Concat(mentioned).Select(p => p.ReplyId).OfType<Guid>().ToHashSet();
        var active = new List<(DigestPostRow First, int Count, DateTimeOffset Last)>();
        foreach (var thread in index.ThreadsByActivity.Take(MaxActiveThreads * 8))
        {
            if (!Readable(thread.Replies[0]))
            {
                continue;
            }
            var count = seen is not null && seen.ContainsKey(thread.Replies[0].ReflectionId)
                ? thread.Replies.Count(p => Unread(p) && !listed.Contains(p.ReplyId!.Value))
                : thread.Replies.Count - index.RepliesBy(me, thread.Replies[0].ReflectionId) - thread.Replies.Count(p => listed.Contains(p.ReplyId!.Value));
            if (count >= 2)
            {
                active.Add((thread.Replies[0], count, thread.Last));
            }
        }
        var threads = active.OrderByDescending(a => a.Count).ThenByDescending(a => a.Last).Take(MaxActiveThreads)
            .Select(a => new DigestThread(a.First.ReflectionId, PromptText(data, a.First.PromptId), a.First.ThreadAuthorName, a.Count))
            .ToList();

        // Pinned reflections the reader may read and has not opened yet; like the next module, they are not news alone.
        var pinned = data.Pinned.Where(p => p.AuthorId != me && Unread(p) && gate.MayRead(me, reader.Role, p.PromptId, p.AuthorId))
            .Select(p => ToItem(data, p)).ToList();

        return new DigestContent(
            data.Cohort.Name, data.CourseSlug, data.CourseTitle,
            latest.OrderBy(p => p.CreatedAt).TakeLast(MaxListed).Select(p => ToItem(data, p)).ToList(), Math.Max(total, 0),
            toYou.TakeLast(MaxListed).Select(p => ToItem(data, p)).ToList(), toYou.Count,
            mentioned.TakeLast(MaxListed).Select(p => ToItem(data, p)).ToList(),
            threads,
            pinned,
            nudges,
            reader.Role == CohortRole.Learner ? NextModule(data, gate, me) : null,
            data.Syntheses.Where(s => s.ClosedAt > reader.PeriodStart && s.ClosedAt <= reader.AsOf).ToList());
    }

    // The synthesis's readable snapshot (each section's text as of its last change), its paragraphs one per line.
    private static List<DigestSynthesisSection> Snapshot(string texts)
    {
        var sections = JsonSerializer.Deserialize<Dictionary<string, string>>(texts) ?? [];
        return SynthesisSections.All
            .Select(section => new DigestSynthesisSection(section, (sections.GetValueOrDefault(section) ?? string.Empty)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .Where(section => section.Paragraphs.Count > 0)
            .ToList();
    }

    // The first published module with a prompt the reader has not answered yet.
    private static DigestModule? NextModule(CohortDigestData data, DigestReadGate gate, Guid readerId) =>
        data.Modules.Where(m => m.PromptIds.Any(p => !gate.HasPosted(readerId, p)))
            .Select(m => new DigestModule(m.Title, m.Slug))
            .FirstOrDefault();

    private static string PromptText(CohortDigestData data, Guid promptId) =>
        data.Prompts.TryGetValue(promptId, out var prompt) ? prompt.Text : string.Empty;

    private static DigestPost ToItem(CohortDigestData data, DigestPostRow post) =>
        new(post.ReflectionId, post.ReplyId, PromptText(data, post.PromptId), post.AuthorName, data.Excerpt(post, Excerpt), post.CreatedAt);

    private static string Excerpt(string source)
    {
        var text = string.Join(' ', MarkdownRenderer.PostPlainText(source).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= ExcerptLength ? text : string.Concat(text.AsSpan(0, ExcerptLength).TrimEnd(), "…");
    }
}
