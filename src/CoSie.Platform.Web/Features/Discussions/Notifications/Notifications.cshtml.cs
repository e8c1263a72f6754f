using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Discussions.Notifications;

// Replies to my posts, mentions of me, replies in threads I follow and moderators' actions on my posts in this
// institution, newest first, one entry per thread and kind ("Anna and 3 others replied…", leading to the first unread
// post), a page at a time. An entry shows the first words of its post only while that post is visible: a hidden or
// deleted post keeps its place in the list and loses its text. Opening one goes through the thread's own access check.
[Authorize]
public sealed class NotificationsModel(PlatformDbContext db, TimeProvider clock, IStringLocalizer<NotificationsModel> localizer) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<Item> Items { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public bool AnyUnread { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "p")] int? number, CancellationToken cancellationToken)
    {
        var userId = UserId;
        Now = clock.GetUtcNow();
        var groups =
            from n in db.Notifications
            where n.UserId == userId
            group n by new { n.ReflectionId, n.Kind } into g
            select new
            {
                g.Key.ReflectionId,
                g.Key.Kind,
                Latest = g.Max(n => n.CreatedAt),
                Unread = g.Count(n => n.ReadAt == null),
                Actors = g.Select(n => n.ActorId).Distinct().Count(),
                LatestActor = g.OrderByDescending(n => n.CreatedAt).Select(n => n.ActorId).FirstOrDefault(),
                LatestPost = g.OrderByDescending(n => n.CreatedAt).Select(n => n.PostId).FirstOrDefault(),
                FirstUnreadPost = g.Where(n => n.ReadAt == null).OrderBy(n => n.CreatedAt).Select(n => (Guid?)n.PostId).FirstOrDefault(),
            };
        var total = await groups.CountAsync(cancellationToken);
        PageCount = Pager.CountOf(total, PageSize);
        PageNumber = Pager.Clamp(number, PageCount);
        var page = await groups
            .OrderByDescending(g => g.Latest).ThenBy(g => g.ReflectionId).ThenBy(g => g.Kind)
            .Skip(Pager.Skip(PageNumber, PageSize)).Take(PageSize)
            .ToListAsync(cancellationToken);
        AnyUnread = page.Any(g => g.Unread > 0) || await db.Notifications.AnyAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
        if (page.Count == 0)
        {
            return;
        }

        var threadIds = page.Select(g => g.ReflectionId).Distinct().ToList();
        var postIds = page.Select(g => g.FirstUnreadPost ?? g.LatestPost).Distinct().ToList();
        var actorIds = page.Where(g => g.LatestActor != null).Select(g => g.LatestActor!.Value).Distinct().ToList();
        var threads = await (
                from r in db.Reflections
                where threadIds.Contains(r.Id)
                join p in db.ReflectionPrompts on r.PromptId equals p.Id
                join c in db.Cohorts on r.CohortId equals c.Id
                select new { r.Id, r.CohortId, PromptText = p.Text, CohortName = c.Name })
            .AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        // Only a visible post gives its words; the source is cut in SQL so that a long post costs no more than a short one.
        var excerpts = await db.Replies.Where(r => postIds.Contains(r.Id) && r.Status == PostStatus.Visible)
            .Select(r => new { r.Id, Source = r.BodySource.Substring(0, PostExcerpt.SourceLength) })
            .Concat(db.Reflections.Where(r => postIds.Contains(r.Id) && r.Status == PostStatus.Visible)
                .Select(r => new { r.Id, Source = r.BodySource.Substring(0, PostExcerpt.SourceLength) }))
            .AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Source, cancellationToken);
        var names = await db.Users.Where(u => actorIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        Items = [.. page.Where(g => threads.ContainsKey(g.ReflectionId)).Select(g =>
        {
            var thread = threads[g.ReflectionId];
            var postId = g.FirstUnreadPost ?? g.LatestPost;
            return new Item(
                g.Kind, thread.CohortId, g.ReflectionId, postId,
                g.LatestActor is { } actor && names.TryGetValue(actor, out var name) && name.Length > 0 ? name : null,
                Math.Max(0, g.Actors - 1), g.Unread,
                excerpts.TryGetValue(postId, out var source) ? PostExcerpt.Of(source) : null,
                thread.PromptText, thread.CohortName, g.Latest);
        })];
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var userId = UserId;
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return RedirectToPage();
    }

    // "5 minutes ago" up to a week back, beside the date and time that the page always shows.
    public string? Ago(DateTimeOffset moment)
    {
        var ago = Now - moment;
        return ago.TotalMinutes switch
        {
            < 1 => localizer["just now"].Value,
            < 60 => localizer["{count, plural, one {# minute ago} other {# minutes ago}}", (int)ago.TotalMinutes].Value,
            < 60 * 24 => localizer["{count, plural, one {# hour ago} other {# hours ago}}", (int)ago.TotalHours].Value,
            < 60 * 24 * 7 => localizer["{count, plural, one {# day ago} other {# days ago}}", (int)ago.TotalDays].Value,
            _ => null,
        };
    }

    private Guid UserId => User.RequiredAccountId();

    // One entry: the latest person to act and how many others did, the post it leads to (the first unread one), its
    // first words when it is visible, and where it is.
    public sealed record Item(
        NotificationKind Kind, Guid CohortId, Guid ReflectionId, Guid PostId, string? ActorName, int Others, int Unread,
        string? Excerpt, string PromptText, string CohortName, DateTimeOffset Latest);
}
