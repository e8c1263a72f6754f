using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Content;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.Web.Features.Digests;

// Builds the digests of many members of one cohort with a fixed number of queries, whatever the number of members:
// four for the cohort (cohort, modules and prompts, new reflections, new replies) and three per batch of readers
// (their own reflections, their unread mentions, their thread visits). Everything else happens in memory, on rows
// bounded by one period's activity in the cohort. See docs/decisions/0006-digests-in-batches.md.
public sealed class DigestContentBuilder(PlatformDbContext db, MarkdownRenderer markdown, TimeProvider clock)
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
            .Select(c => new { c.Slug, c.Title, Modules = c.Modules.OrderBy(m => m.Position).Select(m => new { m.Id, m.Slug, m.Title, m.Status, Prompts = m.Prompts.OrderBy(p => p.Position).Select(p => new { p.Id, p.Text }).ToList() }).ToList() })
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
                select new PostRow(r.Id, null, r.PromptId, r.AuthorId, u.DisplayName, null, r.BodySource.Substring(0, ExcerptSourceLength), r.CreatedAt, null, null))
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
                select new PostRow(x.ReflectionId, x.Id, r.PromptId, x.AuthorId, u.DisplayName,
                    x.ParentReplyId == null ? r.AuthorId : parent.AuthorId, x.BodySource.Substring(0, ExcerptSourceLength), x.CreatedAt, r.AuthorId, ru.DisplayName))
            .AsNoTracking().ToListAsync(cancellationToken);

        var prompts = course.Modules.SelectMany(m => m.Prompts.Select(p => (p.Id, p.Text, m.Slug))).ToDictionary(p => p.Id, p => (p.Text, ModuleSlug: p.Slug));
        var modules = course.Modules.Where(m => m.Status == ModuleStatus.Published && m.Prompts.Count > 0)
            .Select(m => new CohortDigestData.ModuleRow(m.Title, m.Slug, m.Prompts.Select(p => p.Id).ToList())).ToList();
        return new CohortDigestData(cohort, course.Slug, course.Title, prompts, modules, reflections, replies);
    }

    public async Task<IReadOnlyDictionary<Guid, DigestContent>> BuildAsync(CohortDigestData data, IReadOnlyList<DigestReader> readers, CancellationToken cancellationToken)
    {
        var cohortId = data.Cohort.Id;
        var readerIds = readers.Select(r => r.UserId).Distinct().ToList();
        var since = readers.Min(r => r.PeriodStart);
        var own = await db.Reflections.AsNoTracking()
            .Where(r => r.CohortId == cohortId && r.Status != PostStatus.Deleted && r.AuthorId != null && readerIds.Contains(r.AuthorId.Value))
            .Select(r => new OwnReflection(r.AuthorId!.Value, r.PromptId, r.CreatedAt))
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

        var gate = new PostFirstGate(data.Cohort, own.ToLookup(o => o.AuthorId), clock.GetUtcNow());
        var visitsByReader = visits.GroupBy(v => v.UserId).ToDictionary(g => g.Key, g => g.ToDictionary(v => v.ReflectionId, v => v.VisitedAt));
        var mentionsByReader = mentions.ToLookup(m => m.UserId, m => m.PostId);
        var postsById = data.Reflections.Concat(data.Replies).ToDictionary(p => p.ReplyId ?? p.ReflectionId);

        var result = new Dictionary<Guid, DigestContent>();
        foreach (var reader in readers)
        {
            var seen = visitsByReader.GetValueOrDefault(reader.UserId);
            bool Fresh(PostRow post)
            {
                var settled = post.CreatedAt + data.Cohort.EditWindow;
                return settled > reader.PeriodStart && settled <= reader.AsOf && post.AuthorId != reader.UserId
                    // Read on the site already: the thread was opened after the post appeared.
                    && !(seen is not null && seen.TryGetValue(post.ReflectionId, out var visited) && visited >= post.CreatedAt);
            }
            bool Readable(PostRow post) => gate.MayRead(reader.UserId, reader.Role, post.PromptId, post.ThreadAuthorId ?? post.AuthorId);

            var fresh = data.Reflections.Where(Fresh).ToList();
            var newReflections = fresh.Where(Readable).ToList();
            var nudges = fresh.Where(p => !Readable(p)).GroupBy(p => p.PromptId)
                .Select(g => new DigestNudge(g.Key, PromptText(data, g.Key), g.Count(), data.Prompts.GetValueOrDefault(g.Key).ModuleSlug))
                .ToList();
            var freshReplies = data.Replies.Where(p => Fresh(p) && Readable(p)).ToList();
            var toYou = freshReplies.Where(p => p.ParentAuthorId == reader.UserId).ToList();
            var mentioned = mentionsByReader[reader.UserId].Distinct()
                .Select(id => postsById.GetValueOrDefault(id))
                .OfType<PostRow>()
                .Where(p => Fresh(p) && Readable(p))
                .ToList();
            var listed = toYou.Concat(mentioned).Select(p => p.ReplyId).OfType<Guid>().ToHashSet();
            var active = freshReplies.Where(p => !listed.Contains(p.ReplyId!.Value))
                .GroupBy(p => p.ReflectionId)
                .Where(g => g.Count() >= 2)
                .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(p => p.CreatedAt))
                .Take(MaxActiveThreads)
                .Select(g => new DigestThread(g.Key, PromptText(data, g.First().PromptId), g.First().ThreadAuthorName, g.Count()))
                .ToList();

            result[reader.UserId] = new DigestContent(
                data.Cohort.Name, data.CourseSlug, data.CourseTitle,
                newReflections.TakeLast(MaxListed).Select(p => ToItem(data, p)).ToList(), newReflections.Count,
                toYou.TakeLast(MaxListed).Select(p => ToItem(data, p)).ToList(), toYou.Count,
                mentioned.TakeLast(MaxListed).Select(p => ToItem(data, p)).ToList(),
                active,
                nudges,
                reader.Role == CohortRole.Learner ? NextModule(data, gate, reader.UserId) : null);
        }
        return result;
    }

    // The first published module with a prompt the reader has not answered yet.
    private static DigestModule? NextModule(CohortDigestData data, PostFirstGate gate, Guid readerId) =>
        data.Modules.Where(m => m.PromptIds.Any(p => !gate.HasPosted(readerId, p)))
            .Select(m => new DigestModule(m.Title, m.Slug))
            .FirstOrDefault();

    private static string PromptText(CohortDigestData data, Guid promptId) =>
        data.Prompts.TryGetValue(promptId, out var prompt) ? prompt.Text : string.Empty;

    private DigestPost ToItem(CohortDigestData data, PostRow post) =>
        new(post.ReflectionId, post.ReplyId, PromptText(data, post.PromptId), post.AuthorName, data.Excerpt(post, Excerpt), post.CreatedAt);

    private string Excerpt(string source)
    {
        var text = string.Join(' ', markdown.ToPlainText(source).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= ExcerptLength ? text : string.Concat(text.AsSpan(0, ExcerptLength).TrimEnd(), "…");
    }
}
