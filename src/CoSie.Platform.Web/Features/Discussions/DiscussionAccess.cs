using CoSie.Platform.Web.Features.Discussions.Reflections;
using CoSie.Platform.Web.Features.Discussions.Threads;

namespace CoSie.Platform.Web.Features.Discussions;

// Who may read a cohort's discussions, decided in one place for every page, hub method, push and notification:
// - the tenant filter hides other institutions' cohorts and threads (404, like something that does not exist);
// - a member of the institution who is not in the cohort (and not its admin) is refused (403);
// - under post-first, a learner reads peers' reflections only once their own standing reflection on that prompt
//   is past the cohort's edit window (or at once, if the cohort reveals on posting). Their own thread is theirs.
// - a moderator's suspension of the person stops them posting in the cohort until it ends; reading goes on.
// Each check is one SQL query. The thread page's check also fetches what only the page shows (the visit, the badge,
// the person's marks and replies awaiting approval); writes, hub calls and notifications use ForThreadAsync without it.
public sealed class DiscussionAccess(PlatformDbContext db, TimeProvider clock)
{
    public Task<ThreadAccess> ForThreadPageAsync(Guid cohortId, Guid reflectionId, Guid userId, CancellationToken cancellationToken) =>
        ForThreadAsync(cohortId, reflectionId, userId, forPage: true, cancellationToken);

    public Task<ThreadAccess> ForThreadAsync(Guid? cohortId, Guid reflectionId, Guid userId, CancellationToken cancellationToken) =>
        ForThreadAsync(cohortId, reflectionId, userId, forPage: false, cancellationToken);

    private async Task<ThreadAccess> ForThreadAsync(Guid? cohortId, Guid reflectionId, Guid userId, bool forPage, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var row = await (
            from r in db.Reflections.AsNoTracking()
            where r.Id == reflectionId
            join c in db.Cohorts on r.CohortId equals c.Id
            join p in db.ReflectionPrompts on r.PromptId equals p.Id
            join m in db.Modules on p.ModuleId equals m.Id
            join course in db.Courses on m.CourseId equals course.Id
            select new
            {
                Reflection = r,
                c.Name,
                c.PostFirst,
                c.RevealOnPost,
                c.EditWindowMinutes,
                p.Text,
                ModuleTitle = m.Title,
                ModuleSlug = m.Slug,
                ModuleLanguage = m.Language,
                ModulePublished = m.Status == ModuleStatus.Published,
                CourseSlug = course.Slug,
                Role = db.CohortMembers.Where(cm => cm.CohortId == c.Id && cm.UserId == userId).Select(cm => (CohortRole?)cm.Role).FirstOrDefault(),
                InstitutionRole = db.InstitutionMemberships.Where(im => im.UserId == userId).Select(im => (InstitutionRole?)im.Role).FirstOrDefault(),
                OwnPostedAt = db.Reflections
                    .Where(o => o.CohortId == c.Id && o.PromptId == r.PromptId && o.AuthorId == userId && o.Status != PostStatus.Deleted)
                    .Select(o => (DateTimeOffset?)o.CreatedAt).FirstOrDefault(),
                Visit = forPage ? db.ThreadVisits.Where(v => v.ReflectionId == r.Id && v.UserId == userId).Select(v => new { v.LastSeenSequence, v.VisitedAt }).FirstOrDefault() : null,
                AuthorName = db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                SuspendedUntil = db.CohortSuspensions
                    .Where(s => s.CohortId == c.Id && s.UserId == userId && s.LiftedAt == null && s.From <= now && s.Until > now)
                    .Max(s => (DateTimeOffset?)s.Until),
                // For the page, in the same round trip: its notices, whether there are marks to fetch, and the header's badge.
                OwnAwaiting = forPage ? db.Replies.Count(o => o.ReflectionId == r.Id && o.AuthorId == userId && o.Status == PostStatus.AwaitingApproval) : 0,
                HasHelpfulMarks = forPage && db.Helpfuls.Any(h => h.ReflectionId == r.Id && h.UserId == userId),
                UnreadHere = forPage ? db.Notifications.Count(n => n.UserId == userId && n.ReflectionId == r.Id && n.ReadAt == null) : 0,
                Unread = forPage ? db.Notifications.Count(n => n.UserId == userId && n.ReadAt == null) : 0,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null || (cohortId is { } expected && expected != row.Reflection.CohortId))
        {
            return ThreadAccess.Refused(AccessVerdict.NotFound);
        }
        if (Admit(userId, row.Role, row.InstitutionRole, row.ModulePublished) is not { } viewer)
        {
            return ThreadAccess.Refused(Refusal(row.InstitutionRole, row.Role));
        }
        var place = new DiscussionPlace(row.Reflection.CohortId, row.Name, row.Reflection.PromptId, row.Text, row.ModuleTitle, row.ModuleSlug, row.CourseSlug, row.ModuleLanguage);
        var window = TimeSpan.FromMinutes(row.EditWindowMinutes);
        var gate = PostFirstGate.For(viewer.IsHeldBackByPostFirst(row.PostFirst), row.OwnPostedAt, row.RevealOnPost, window, now);
        var own = row.Reflection.AuthorId == userId;
        if (!gate.IsOpen && !own)
        {
            return ThreadAccess.Refused(AccessVerdict.HeldBack, gate, place);
        }
        // A reflection waiting for approval exists only for its author and the moderators.
        if (row.Reflection.Status == PostStatus.AwaitingApproval && !own && !viewer.IsModerator)
        {
            return ThreadAccess.Refused(AccessVerdict.NotFound);
        }
        return new ThreadAccess
        {
            Verdict = AccessVerdict.Allowed,
            Viewer = viewer,
            Reflection = row.Reflection,
            Place = place,
            AuthorName = row.AuthorName,
            Gate = gate,
            EditWindow = window,
            LastSeenSequence = row.Visit?.LastSeenSequence,
            LastVisitAt = row.Visit?.VisitedAt,
            PostingSuspendedUntil = row.SuspendedUntil,
            OwnRepliesAwaitingApproval = row.OwnAwaiting,
            HasHelpfulMarks = row.HasHelpfulMarks,
            UnreadHere = row.UnreadHere,
            Unread = row.Unread,
        };
    }

    public async Task<PromptAccess> ForPromptAsync(Guid cohortId, Guid promptId, Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var row = await (
            from c in db.Cohorts.AsNoTracking()
            where c.Id == cohortId
            join p in db.ReflectionPrompts on promptId equals p.Id
            join m in db.Modules on p.ModuleId equals m.Id
            join course in db.Courses on m.CourseId equals course.Id
            where m.CourseId == c.CourseId
            select new
            {
                c.Name,
                c.PostFirst,
                c.RevealOnPost,
                c.EditWindowMinutes,
                p.Text,
                ModuleTitle = m.Title,
                ModuleSlug = m.Slug,
                ModuleLanguage = m.Language,
                ModulePublished = m.Status == ModuleStatus.Published,
                CourseSlug = course.Slug,
                Role = db.CohortMembers.Where(cm => cm.CohortId == c.Id && cm.UserId == userId).Select(cm => (CohortRole?)cm.Role).FirstOrDefault(),
                InstitutionRole = db.InstitutionMemberships.Where(im => im.UserId == userId).Select(im => (InstitutionRole?)im.Role).FirstOrDefault(),
                Own = db.Reflections
                    .Where(o => o.CohortId == c.Id && o.PromptId == promptId && o.AuthorId == userId && o.Status != PostStatus.Deleted)
                    .Select(o => new { o.Id, o.CreatedAt }).FirstOrDefault(),
                SuspendedUntil = db.CohortSuspensions
                    .Where(s => s.CohortId == c.Id && s.UserId == userId && s.LiftedAt == null && s.From <= now && s.Until > now)
                    .Max(s => (DateTimeOffset?)s.Until),
                Unread = db.Notifications.Count(n => n.UserId == userId && n.ReadAt == null),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return PromptAccess.Refused(AccessVerdict.NotFound);
        }
        if (Admit(userId, row.Role, row.InstitutionRole, row.ModulePublished) is not { } viewer)
        {
            return PromptAccess.Refused(Refusal(row.InstitutionRole, row.Role));
        }
        var window = TimeSpan.FromMinutes(row.EditWindowMinutes);
        var gate = PostFirstGate.For(viewer.IsHeldBackByPostFirst(row.PostFirst), row.Own?.CreatedAt, row.RevealOnPost, window, now);
        return new PromptAccess
        {
            Verdict = gate.IsOpen ? AccessVerdict.Allowed : AccessVerdict.HeldBack,
            Viewer = viewer,
            Place = new DiscussionPlace(cohortId, row.Name, promptId, row.Text, row.ModuleTitle, row.ModuleSlug, row.CourseSlug, row.ModuleLanguage),
            Gate = gate,
            OwnReflectionId = row.Own?.Id,
            EditWindow = window,
            PostFirst = row.PostFirst,
            RevealOnPost = row.RevealOnPost,
            PostingSuspendedUntil = row.SuspendedUntil,
            Unread = row.Unread,
        };
    }

    // The one rule for who is let into a cohort's discussions: a member of the cohort, or an admin of the institution;
    // a module still in draft only for those who moderate. Null when refused (Refusal says how).
    private static Viewer? Admit(Guid userId, CohortRole? role, InstitutionRole? institutionRole, bool modulePublished)
    {
        if (institutionRole is null)
        {
            return null;
        }
        var viewer = new Viewer(userId, role, institutionRole == InstitutionRole.Admin);
        if (viewer.Role is null && !viewer.IsInstitutionAdmin)
        {
            return null;
        }
        return modulePublished || viewer.IsModerator ? viewer : null;
    }

    // Someone of another institution, or a draft, does not exist for the person (404); an institution member outside the
    // cohort is told they may not look (403).
    private static AccessVerdict Refusal(InstitutionRole? institutionRole, CohortRole? role) =>
        institutionRole is not null && role is null && institutionRole != InstitutionRole.Admin ? AccessVerdict.Forbidden : AccessVerdict.NotFound;

    // For notifications and pushes to someone other than the person acting.
    public async Task<bool> CanReadAsync(Guid reflectionId, Guid userId, CancellationToken cancellationToken) =>
        (await ForThreadAsync(null, reflectionId, userId, cancellationToken)).Allowed;
}
