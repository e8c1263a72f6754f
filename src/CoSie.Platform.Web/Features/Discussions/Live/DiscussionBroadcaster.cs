using CoSie.Platform.Web.Features.Discussions.Threads;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Discussions.Live;

// Pushes committed thread events to the pages that show them. Use cases call it after their transaction commits;
// neither pages nor the hub push. Readers and moderators are separate groups of a thread, each sent the post in
// its own form; a learner held back by post-first was never admitted to either. A failed push loses nothing: the
// event is in the database, and a page asks for it (the hub's CatchUp) when the next push skips its sequence, or
// when it reconnects.
public sealed class DiscussionBroadcaster(
    IHubContext<DiscussionHub, IDiscussionClient> hub,
    PlatformDbContext db,
    ThreadEventMessages messages,
    TenantContext tenant,
    IOptions<LanguageOptions> languages,
    ILogger<DiscussionBroadcaster> logger)
{
    public async Task PublishAsync(IReadOnlyList<ThreadEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            var institutionId = tenant.Required.Id;
            foreach (var thread in events.GroupBy(e => e.ReflectionId))
            {
                var list = thread.ToList();
                var batch = await messages.LoadAsync(thread.Key, list, cancellationToken);
                // Each language's pages get the post in their language. Times go out in UTC: the page's script shows
                // them in the reader's own time zone (a group is shared by readers of many zones).
                foreach (var language in PlatformLanguages.Offered(languages.Value.Pseudo))
                {
                    var locale = Locale.For(language, null, tenant.Required.DefaultCulture, languages.Value.Pseudo);
                    foreach (var viewer in new[] { ViewerClass.Reader, ViewerClass.Moderator })
                    {
                        var group = hub.Clients.Group(DiscussionGroups.Thread(institutionId, thread.Key, viewer, language));
                        foreach (var message in messages.Render(batch, viewer, locale, TimeZoneInfo.Utc))
                        {
                            await SendAsync(group, message);
                        }
                    }
                }
                var place = await db.Reflections.AsNoTracking().Where(r => r.Id == thread.Key)
                    .Select(r => new { r.CohortId, r.PromptId, r.ReplyCount, r.HelpfulCount }).SingleAsync(cancellationToken);
                var promptGroup = hub.Clients.Group(DiscussionGroups.Prompt(institutionId, place.CohortId, place.PromptId));
                foreach (var e in list)
                {
                    var summary = new ThreadEventMessage(thread.Key, e.Sequence, e.Kind, e.PostId, null, -1, null, place.HelpfulCount, place.ReplyCount);
                    await (e.Kind == ThreadEventKind.ReflectionPosted ? promptGroup.ReflectionPosted(summary) : promptGroup.ThreadActivity(summary));
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not push thread events; clients catch up when they reconnect");
        }
    }

    public async Task NotifyAsync(IReadOnlyList<Guid> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return;
        }
        try
        {
            var institutionId = tenant.Required.Id;
            var counts = await db.Notifications.Where(n => userIds.Contains(n.UserId) && n.ReadAt == null)
                .GroupBy(n => n.UserId).Select(g => new { UserId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.UserId, x => x.Count, cancellationToken);
            foreach (var userId in userIds)
            {
                await hub.Clients.Group(DiscussionGroups.User(userId))
                    .NotificationReceived(new NotificationBadgeMessage(institutionId, counts.GetValueOrDefault(userId)));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not push notification badges");
        }
    }

    private static Task SendAsync(IDiscussionClient group, ThreadEventMessage message) => message.Kind switch
    {
        ThreadEventKind.ReplyPosted => group.ReplyPosted(message),
        ThreadEventKind.PostEdited => group.PostEdited(message),
        ThreadEventKind.PostDeleted => group.PostDeleted(message),
        ThreadEventKind.HelpfulChanged => group.HelpfulChanged(message),
        ThreadEventKind.ReflectionPosted => group.ReflectionPosted(message),
        _ => group.PostModerated(message),
    };
}
