using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Discussions.Notifications;

// Replies to my posts and mentions of me in this institution, newest first. Opening one goes through the thread's
// own access check; the list itself carries no text of any post.
[Authorize]
public sealed class NotificationsModel(PlatformDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = UserId;
        Items = await (
            from n in db.Notifications
            where n.UserId == userId
            orderby n.CreatedAt descending
            select new Item(
                n.Id, n.Kind, n.CohortId, n.ReflectionId, n.PostId,
                db.Users.Where(u => u.Id == n.ActorId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Reflections.Where(r => r.Id == n.ReflectionId)
                    .Select(r => db.ReflectionPrompts.Where(p => p.Id == r.PromptId).Select(p => p.Text).FirstOrDefault()).FirstOrDefault(),
                n.CreatedAt, n.ReadAt != null))
            .Take(100)
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var userId = UserId;
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return RedirectToPage();
    }

    private Guid UserId => User.RequiredAccountId();

    public sealed record Item(
        Guid Id, NotificationKind Kind, Guid CohortId, Guid ReflectionId, Guid PostId, string? ActorName, string? PromptText, DateTimeOffset CreatedAt, bool Read);
}
