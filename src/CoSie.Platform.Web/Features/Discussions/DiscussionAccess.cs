using System.Linq.Expressions;
using CoSie.Platform.Web.Features.Discussions.Drafts;
using CoSie.Platform.Web.Features.Discussions.Reflections;
using CoSie.Platform.Web.Features.Discussions.Threads;
using LinqKit;
using Microsoft.EntityFrameworkCore.Query;

namespace CoSie.Platform.Web.Features.Discussions;

// Who may read a cohort's discussions, decided in one place for every page, hub method, push and notification:
// - the tenant filter hides other institutions' cohorts and threads (404, like something that does not exist);
// - a member of the institution who is not in the cohort (and not its admin) is refused (403);
// - under post-first, a learner reads peers' reflections only once their own standing reflection on that prompt
//   is past the cohort's edit window (or at once, if the cohort reveals on posting). Their own thread is theirs.
// - a moderator's suspension of the person stops them posting in the cohort until it ends; reading goes on.
// Each check is one SQL query. The thread page's check also fetches what only the page shows (the visit, the badge,
// the person's marks and replies awaiting approval); writes, hub calls and notifications use ForThreadAsync without it.
// The queries are compiled once (EF.CompileAsyncQuery): every page, hub call and push runs one, and preparing their
// large expression trees on each call (extracting the parameters, finding the tree in EF Core's query cache) took about
// a seventh of the processor under load.
public sealed class DiscussionAccess(PlatformDbContext db, TimeProvider clock)
{
    public Task<ThreadAccess> ForThreadPageAsync(Guid cohortId, Guid reflectionId, Guid userId, CancellationToken cancellationToken) =>
        ForThreadAsync(cohortId, reflectionId, userId, forPage: true, cancellationToken);

    public Task<ThreadAccess> ForThreadAsync(Guid? cohortId, Guid reflectionId, Guid userId, CancellationToken cancellationToken) =>
        ForThreadAsync(cohortId, reflectionId, userId, forPage: false, cancellationToken);

    private async Task<ThreadAccess> ForThreadAsync(Guid? cohortId, Guid reflectionId, Guid userId, bool forPage, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var row = await (forPage ? ThreadForPage : ThreadForCheck)(db, reflectionId, userId, now, cancellationToken);
        if (row is null || (cohortId is { } expected && expected != row.Reflection.CohortId))
        {
            return ThreadAccess.Refused(AccessVerdict.NotFound);
        }
        if (Admit(userId, row.Seat) is not { } viewer)
        {
            return ThreadAccess.Refused(Refusal(row.Seat));
        }
        var place = row.Seat.Place();
        var window = TimeSpan.FromMinutes(row.Seat.EditWindowMinutes);
        var gate = PostFirstGate.For(viewer.IsHeldBackByPostFirst(row.Seat.PostFirst), row.OwnPostedAt, row.Seat.RevealOnPost, window, now);
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
            AuthorPicture = row.AuthorPicture,
            Gate = gate,
            EditWindow = window,
            LastSeenSequence = row.LastSeenSequence,
            LastVisitAt = row.LastVisitAt,
            PostingSuspendedUntil = row.Seat.SuspendedUntil,
            OwnRepliesAwaitingApproval = row.OwnAwaiting,
            HasHelpfulMarks = row.HasHelpfulMarks,
            Following = ThreadSubscription.Of(row.Following, own),
            UnreadHere = row.UnreadHere,
            Unread = row.Unread,
            Draft = SavedDraft.Of(row.DraftBody, row.DraftUpdatedAt),
            OpenSynthesisModuleId = row.SynthesisOpen && row.Seat.ModulePublished ? row.Seat.ModuleId : null,
        };
    }

    public async Task<PromptAccess> ForPromptAsync(Guid cohortId, Guid promptId, Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var row = await Prompt(db, cohortId, promptId, userId, now, cancellationToken);
        if (row is null)
        {
            return PromptAccess.Refused(AccessVerdict.NotFound);
        }
        if (Admit(userId, row.Seat) is not { } viewer)
        {
            return PromptAccess.Refused(Refusal(row.Seat));
        }
        var window = TimeSpan.FromMinutes(row.Seat.EditWindowMinutes);
        var gate = PostFirstGate.For(viewer.IsHeldBackByPostFirst(row.Seat.PostFirst), row.OwnPostedAt, row.Seat.RevealOnPost, window, now);
        return new PromptAccess
        {
            Verdict = gate.IsOpen ? AccessVerdict.Allowed : AccessVerdict.HeldBack,
            Viewer = viewer,
            Place = row.Seat.Place(),
            Gate = gate,
            OwnReflectionId = row.OwnId,
            EditWindow = window,
            PostFirst = row.Seat.PostFirst,
            RevealOnPost = row.Seat.RevealOnPost,
            PostingSuspendedUntil = row.Seat.SuspendedUntil,
            Unread = row.Unread,
            Draft = SavedDraft.Of(row.DraftBody, row.DraftUpdatedAt),
        };
    }

    // Every prompt of every cohort's course, with what both checks read of it and of the person there: the cohort's
    // settings, where the prompt stands, the person's roles and any suspension in force. Each check narrows it to its
    // cohort and prompt (or joins its reflection on them) in its one query.
    private static readonly Expression<Func<PlatformDbContext, Guid, DateTimeOffset, IQueryable<Seat>>> SeatsOf =
        (db, userId, now) =>
            from c in db.Cohorts.AsNoTracking()
            join m in db.Modules on c.CourseId equals m.CourseId
            join p in db.ReflectionPrompts on m.Id equals p.ModuleId
            // A cohort's own prompt (an adopted proposal) exists in that cohort only: elsewhere it is a 404.
            where p.CohortId == null || p.CohortId == c.Id
            join course in db.Courses on m.CourseId equals course.Id
            select new Seat
            {
                CohortId = c.Id,
                PromptId = p.Id,
                ModuleId = m.Id,
                Name = c.Name,
                PostFirst = c.PostFirst,
                RevealOnPost = c.RevealOnPost,
                EditWindowMinutes = c.EditWindowMinutes,
                Text = p.Text,
                ModuleTitle = m.Title,
                ModuleSlug = m.Slug,
                ModuleLanguage = m.Language,
                ModulePublished = m.Status == ModuleStatus.Published,
                CourseSlug = course.Slug,
                Role = db.CohortMembers.Where(cm => cm.CohortId == c.Id && cm.UserId == userId).Select(cm => (CohortRole?)cm.Role).FirstOrDefault(),
                InstitutionRole = db.InstitutionMemberships.Where(im => im.UserId == userId).Select(im => (InstitutionRole?)im.Role).FirstOrDefault(),
                SuspendedUntil = db.CohortSuspensions
                    .Where(s => s.CohortId == c.Id && s.UserId == userId && s.LiftedAt == null && s.From <= now && s.Until > now)
                    .Max(s => (DateTimeOffset?)s.Until),
            };

    // The thread check: the reflection, where it stands for the person (their seat), and, for the page (forPage, bound to
    // a constant when compiled), what only the page shows. Each value is its own scalar subquery (a visit's sequence and
    // time, a draft's body and time), which compiles without a conditional object in the projection.
    private static readonly Expression<Func<PlatformDbContext, Guid, Guid, DateTimeOffset, bool, ThreadRow?>> ThreadRowOf =
        (db, reflectionId, userId, now, forPage) => (
            from r in db.Reflections.AsNoTracking()
            where r.Id == reflectionId
            join seat in SeatsOf.Invoke(db, userId, now) on new { r.CohortId, r.PromptId } equals new { seat.CohortId, seat.PromptId }
            select new ThreadRow
            {
                Reflection = r,
                Seat = seat,
                OwnPostedAt = db.Reflections
                    .Where(o => o.CohortId == r.CohortId && o.PromptId == r.PromptId && o.AuthorId == userId && o.Status != PostStatus.Deleted)
                    .Select(o => (DateTimeOffset?)o.CreatedAt).FirstOrDefault(),
                LastSeenSequence = forPage ? db.ThreadVisits.Where(v => v.ReflectionId == r.Id && v.UserId == userId).Select(v => (long?)v.LastSeenSequence).FirstOrDefault() : null,
                LastVisitAt = forPage ? db.ThreadVisits.Where(v => v.ReflectionId == r.Id && v.UserId == userId).Select(v => (DateTimeOffset?)v.VisitedAt).FirstOrDefault() : null,
                AuthorName = db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                AuthorPicture = db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.PictureVersion).FirstOrDefault(),
                // For the page, in the same round trip: its notices, whether there are marks to fetch, and the header's badge.
                OwnAwaiting = forPage ? db.Replies.Count(o => o.ReflectionId == r.Id && o.AuthorId == userId && o.Status == PostStatus.AwaitingApproval) : 0,
                HasHelpfulMarks = forPage && db.Helpfuls.Any(h => h.ReflectionId == r.Id && h.UserId == userId),
                Following = forPage ? db.ThreadSubscriptions.Where(s => s.ReflectionId == r.Id && s.UserId == userId).Select(s => (ThreadFollowing?)s.Level).FirstOrDefault() : null,
                UnreadHere = forPage ? db.Notifications.Count(n => n.UserId == userId && n.ReflectionId == r.Id && n.ReadAt == null) : 0,
                Unread = forPage ? db.Notifications.Count(n => n.UserId == userId && n.ReadAt == null) : 0,
                // "Quote in synthesis" on the page: the module's synthesis in this cohort is neither closed nor hidden
                // (none yet is open: the synthesis page creates it).
                SynthesisOpen = forPage && !db.CohortSyntheses.Any(s => s.CohortId == r.CohortId && s.ModuleId == seat.ModuleId && (s.ClosedAt != null || s.IsHidden)),
                DraftBody = forPage ? db.Drafts.Where(d => d.UserId == userId && d.Kind == DraftKind.Reply && d.TargetId == r.Id).Select(d => d.Body).FirstOrDefault() : null,
                DraftUpdatedAt = forPage
                    ? db.Drafts.Where(d => d.UserId == userId && d.Kind == DraftKind.Reply && d.TargetId == r.Id).Select(d => (DateTimeOffset?)d.UpdatedAt).FirstOrDefault()
                    : null,
            })
            .SingleOrDefault();

    // The prompt check: the person's seat at the prompt, their own reflection on it, their draft and the header's badge.
    private static readonly Expression<Func<PlatformDbContext, Guid, Guid, Guid, DateTimeOffset, CancellationToken, PromptRow?>> PromptRowOf =
        (db, cohortId, promptId, userId, now, cancellationToken) => (
            from seat in SeatsOf.Invoke(db, userId, now)
            where seat.CohortId == cohortId && seat.PromptId == promptId
            select new PromptRow
            {
                Seat = seat,
                OwnId = db.Reflections
                    .Where(o => o.CohortId == seat.CohortId && o.PromptId == promptId && o.AuthorId == userId && o.Status != PostStatus.Deleted)
                    .Select(o => (Guid?)o.Id).FirstOrDefault(),
                OwnPostedAt = db.Reflections
                    .Where(o => o.CohortId == seat.CohortId && o.PromptId == promptId && o.AuthorId == userId && o.Status != PostStatus.Deleted)
                    .Select(o => (DateTimeOffset?)o.CreatedAt).FirstOrDefault(),
                Unread = db.Notifications.Count(n => n.UserId == userId && n.ReadAt == null),
                DraftBody = db.Drafts.Where(d => d.UserId == userId && d.Kind == DraftKind.Reflection && d.TargetId == promptId).Select(d => d.Body).FirstOrDefault(),
                DraftUpdatedAt = db.Drafts.Where(d => d.UserId == userId && d.Kind == DraftKind.Reflection && d.TargetId == promptId)
                    .Select(d => (DateTimeOffset?)d.UpdatedAt).FirstOrDefault(),
            })
            .SingleOrDefault();

    // Compiled after the expressions above, which static fields initialise in order.
    private static readonly Func<PlatformDbContext, Guid, Guid, DateTimeOffset, CancellationToken, Task<ThreadRow?>> ThreadForPage =
        Compile(ThreadRowOf, forPage: true);

    private static readonly Func<PlatformDbContext, Guid, Guid, DateTimeOffset, CancellationToken, Task<ThreadRow?>> ThreadForCheck =
        Compile(ThreadRowOf, forPage: false);

    private static readonly Func<PlatformDbContext, Guid, Guid, Guid, DateTimeOffset, CancellationToken, Task<PromptRow?>> Prompt =
        EF.CompileAsyncQuery(PromptRowOf.Expand());

    // The thread query with its seat inlined and forPage bound, as EF Core compiles it.
    private static Func<PlatformDbContext, Guid, Guid, DateTimeOffset, CancellationToken, Task<ThreadRow?>> Compile(
        Expression<Func<PlatformDbContext, Guid, Guid, DateTimeOffset, bool, ThreadRow?>> query, bool forPage)
    {
        var expanded = query.Expand();
        var parameters = expanded.Parameters;
        var body = ReplacingExpressionVisitor.Replace(parameters[4], Expression.Constant(forPage), expanded.Body);
        return EF.CompileAsyncQuery(Expression.Lambda<Func<PlatformDbContext, Guid, Guid, DateTimeOffset, CancellationToken, ThreadRow?>>(
            body, parameters[0], parameters[1], parameters[2], parameters[3], Expression.Parameter(typeof(CancellationToken), "cancellationToken")));
    }

    // The one rule for who is let into a cohort's discussions: a member of the cohort, or an admin of the institution;
    // a module still in draft only for those who moderate. Null when refused (Refusal says how).
    private static Viewer? Admit(Guid userId, Seat seat)
    {
        if (seat.InstitutionRole is null)
        {
            return null;
        }
        var viewer = new Viewer(userId, seat.Role, seat.InstitutionRole == InstitutionRole.Admin);
        if (viewer.Role is null && !viewer.IsInstitutionAdmin)
        {
            return null;
        }
        return seat.ModulePublished || viewer.IsModerator ? viewer : null;
    }

    // Someone of another institution, or a draft, does not exist for the person (404); an institution member outside the
    // cohort is told they may not look (403).
    private static AccessVerdict Refusal(Seat seat) =>
        seat.InstitutionRole is not null && seat.Role is null && seat.InstitutionRole != InstitutionRole.Admin ? AccessVerdict.Forbidden : AccessVerdict.NotFound;

    private sealed class Seat
    {
        public Guid CohortId { get; init; }
        public Guid PromptId { get; init; }
        public Guid ModuleId { get; init; }
        public required string Name { get; init; }
        public bool PostFirst { get; init; }
        public bool RevealOnPost { get; init; }
        public int EditWindowMinutes { get; init; }
        public required string Text { get; init; }
        public required string ModuleTitle { get; init; }
        public required string ModuleSlug { get; init; }
        public string? ModuleLanguage { get; init; }
        public bool ModulePublished { get; init; }
        public required string CourseSlug { get; init; }
        public CohortRole? Role { get; init; }
        public InstitutionRole? InstitutionRole { get; init; }
        public DateTimeOffset? SuspendedUntil { get; init; }

        public DiscussionPlace Place() => new(CohortId, Name, PromptId, Text, ModuleTitle, ModuleSlug, CourseSlug, ModuleLanguage);
    }

    private sealed class ThreadRow
    {
        public required Reflection Reflection { get; init; }
        public required Seat Seat { get; init; }
        public DateTimeOffset? OwnPostedAt { get; init; }
        public long? LastSeenSequence { get; init; }
        public DateTimeOffset? LastVisitAt { get; init; }
        public string? AuthorName { get; init; }
        public string? AuthorPicture { get; init; }
        public int OwnAwaiting { get; init; }
        public bool HasHelpfulMarks { get; init; }
        public ThreadFollowing? Following { get; init; }
        public int UnreadHere { get; init; }
        public int Unread { get; init; }
        public bool SynthesisOpen { get; init; }
        public string? DraftBody { get; init; }
        public DateTimeOffset? DraftUpdatedAt { get; init; }
    }

    private sealed class PromptRow
    {
        public required Seat Seat { get; init; }
        public Guid? OwnId { get; init; }
        public DateTimeOffset? OwnPostedAt { get; init; }
        public int Unread { get; init; }
        public string? DraftBody { get; init; }
        public DateTimeOffset? DraftUpdatedAt { get; init; }
    }

    // For notifications and pushes to someone other than the person acting.
    public async Task<bool> CanReadAsync(Guid reflectionId, Guid userId, CancellationToken cancellationToken) =>
        (await ForThreadAsync(null, reflectionId, userId, cancellationToken)).Allowed;
}
