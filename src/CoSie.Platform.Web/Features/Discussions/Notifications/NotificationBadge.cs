using System.Security.Claims;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Discussions.Notifications;

// The unread count next to "Notifications" in the header: one query per page, or none when the page's own access
// check already counted it (thread and prompt pages, whose query count is held constant).
public sealed class NotificationBadge(PlatformDbContext db, TenantContext tenant, ILogger<NotificationBadge> logger)
{
    private int? _known;

    public void Know(int unread) => _known = unread;

    public async Task<int> UnreadAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (_known is { } known)
        {
            return known;
        }
        if (!tenant.HasInstitution || user.AccountId() is not { } userId)
        {
            return 0;
        }
        try
        {
            return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
        }
        catch (Exception e) when (Hosting.DatabaseOutage.Is(e))
        {
            // The layout asks on every page, the error page too: while the database is away, that page must still
            // say what happened rather than fail itself and leave an empty 500. Any other failure is a bug to see.
            logger.LogWarning(e, "Could not count unread notifications; the badge shows none");
            return 0;
        }
    }
}
