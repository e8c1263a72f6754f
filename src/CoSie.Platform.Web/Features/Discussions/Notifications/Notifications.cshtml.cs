using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Discussions.Notifications;

// Replies to my posts, mentions of me, replies in threads I follow, moderators' actions on my posts and instructors'
// decisions on my prompt proposals in this institution, newest first, one entry per thread and kind ("Anna and 3 others replied…", leading to the first unread
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
            group n by new { n.ReflectionId, n.ProposalId, n.Kind } into g
            select new
            {
                g.Key.ReflectionId,
                g.Key.ProposalId,
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
            .OrderByDescending(g => g.Latest).ThenBy(g => g.ReflectionId).ThenBy(g => g.ProposalId).ThenBy(g => g.Kind)
            .Skip(Pager.Skip(PageNumber, PageSize)).Take(PageSize)
            .ToListAsync(cancellationToken);
        AnyUnread = page.Any(g => g.Unread > 0) || await db.Notifications.AnyAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
        if (page.Count == 0)
        {
            return;
        }

        var threadIds = page.Where(g => g.ReflectionId != null).Select(g => g.ReflectionId!.Value).Distinct().ToList();
        var proposalIds = page.Where(g => g.ProposalId != null).Select(g => g.ProposalId!.Value).Distinct().ToList();
        var postIds = page.Select(g => g.FirstUnreadPost ?? g.LatestPost).Distinct().ToList();
        var actorIds = page.Where(g => g.LatestActor != null).Select(g => g.LatestActor!.Value).Distinct().ToList();
        var threads = await (
                from r in db.Reflections
                where threadIds.Contains(r.Id)
                join p in db.ReflectionPrompts on r.PromptId equals p.Id
                join c in db.Cohorts on r.CohortId equals c.Id
                select new { r.Id, r.CohortId, PromptText = p.Text, CohortName = c.Name })
            .AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        // A proposal's entry shows its text and, when declined, the instructor's reason (the author wrote the one and
        // may read the other even when a moderator has since hidden the proposal).
        var proposals = await (
                from p in db.PromptProposals
                where proposalIds.Contains(p.Id)
                join c in db.Cohorts on p.CohortId equals c.Id
                select new { p.Id, p.CohortId, p.ModuleId, p.Text, p.DeclineReason, CohortName = c.Name })
            .AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        // Only a visible post gives its words; the source is cut in SQL so that a long post costs no more than a short one.
        var excerpts = await db.Replies.Where(r => postIds.Contains(r.Id) && r.Status == PostStatus.Visible)
            .Select(r => new { r.Id, Source = r.BodySource.Substring(0, PostExcerpt.SourceLength) })
            .Concat(db.Reflections.Where(r => postIds.Contains(r.Id) && r.Status == PostStatus.Visible)
                .Select(r => new { r.Id, Source = r.BodySource.Substring(0, PostExcerpt.SourceLength) }))
            .AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Source, cancellationToken);
        var names = await db.Users.Where(u => actorIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        var items = new List<Item>(page.Count);
        foreach (var g in page)
        {
            var actorName = g.LatestActor is { } actor && names.TryGetValue(actor, out var name) && name.Length > 0 ? name : null;
            if (g.ProposalId is { } proposalId && proposals.TryGetValue(proposalId, out var proposal))
            {
                // Both decisions lead to the proposal on its page, which marks them seen; an adopted one links on to its prompt.
                var href = $"~/cohorts/{proposal.CohortId}/modules/{proposal.ModuleId}/proposals#proposal-{proposalId}";
                items.Add(new Item(
                    g.Kind, href, actorName, 0, g.Unread, null, proposal.Text, proposal.CohortName, g.Latest,
                    g.Kind == NotificationKind.ProposalDeclined ? proposal.DeclineReason : null));
            }
            else if (g.ReflectionId is { } reflectionId && threads.TryGetValue(reflectionId, out var thread))
            {
                var postId = g.FirstUnreadPost ?? g.LatestPost;
                items.Add(new Item(
                    g.Kind, $"~/cohorts/{thread.CohortId}/reflections/{reflectionId}?post={postId}#post-{postId}",
                    actorName, Math.Max(0, g.Actors - 1), g.Unread,
                    excerpts.TryGetValue(postId, out var source) ? PostExcerpt.Of(source) : null,
                    thread.PromptText, thread.CohortName, g.Latest, null));
            }
        }
        Items = items;
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

    // One entry: the latest person to act and how many others did, where it leads (the first unread post, or the
    // proposal or the prompt it became), the post's first words when it is visible, where it is, and a decline's reason.
    public sealed record Item(
        NotificationKind Kind, string Href, string? ActorName, int Others, int Unread,
        string? Excerpt, string PromptText, string CohortName, DateTimeOffset Latest, string? Reason);
}
