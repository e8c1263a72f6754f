using CoSie.Platform.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Admin.Accounts;

// One account as a platform admin sees it: where the person belongs, what admins did to the account, and what they can
// do next. Platform administration is the one place that reads a person's memberships across institutions.
public sealed class AccountModel(PlatformDbContext db) : PageModel
{
    public Guid UserId { get; private set; }
    public string DisplayName { get; private set; } = string.Empty;
    public string Email { get; private set; } = string.Empty;
    public bool IsDisabled { get; private set; }
    public bool IsPlatformAdmin { get; private set; }
    public bool HasPassword { get; private set; }
    public bool IsOwnAccount { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public IReadOnlyList<InstitutionRow> Institutions { get; private set; } = [];
    public IReadOnlyList<CohortRow> Cohorts { get; private set; } = [];
    public IReadOnlyList<AuditRow> Audit { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }
        (UserId, DisplayName, Email) = (user.Id, user.DisplayName, user.Email ?? string.Empty);
        (IsDisabled, IsPlatformAdmin, HasPassword, CreatedAt) = (user.IsDisabled, user.IsPlatformAdmin, user.PasswordHash is not null, user.CreatedAt);
        IsOwnAccount = User.AccountId() == userId;
        Zone = ReaderTimeZone.Of(User, null);

        (Institutions, Cohorts) = await db.AcrossInstitutionsAsync(async across =>
        {
            var institutions = await across.InstitutionMemberships.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
                .Where(m => m.UserId == userId)
                .Join(across.Institutions, m => m.InstitutionId, i => i.Id, (m, i) => new { Membership = m, Institution = i })
                .OrderBy(x => x.Institution.Name)
                .Select(x => new InstitutionRow(x.Institution.Id, x.Institution.Name, x.Institution.Slug, x.Membership.Role, x.Membership.CreatedAt))
                .ToListAsync(cancellationToken);
            var cohorts = await (
                    from m in across.CohortMembers.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
                    where m.UserId == userId
                    join c in across.Cohorts.IgnoreQueryFilters([PlatformDbContext.TenantFilter]) on m.CohortId equals c.Id
                    join course in across.Courses.IgnoreQueryFilters([PlatformDbContext.TenantFilter]) on c.CourseId equals course.Id
                    join i in across.Institutions on c.InstitutionId equals i.Id
                    orderby i.Name, course.Title, c.Name
                    select new CohortRow(i.Name, i.Slug, c.Id, c.Name, course.Title, m.Role, m.JoinedAt))
                .ToListAsync(cancellationToken);
            return ((IReadOnlyList<InstitutionRow>)institutions, (IReadOnlyList<CohortRow>)cohorts);
        }, cancellationToken);

        Audit = await (
                from e in db.PlatformAuditEntries.AsNoTracking()
                where e.SubjectUserId == userId
                join a in db.Users on e.ActorId equals a.Id into actors
                from a in actors.DefaultIfEmpty()
                orderby e.At descending
                select new AuditRow(e.At, e.Kind, a == null ? null : a.DisplayName, a == null ? null : a.Email, e.Reason))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record InstitutionRow(Guid Id, string Name, string Slug, InstitutionRole Role, DateTimeOffset Since);

    public sealed record CohortRow(string InstitutionName, string InstitutionSlug, Guid CohortId, string Name, string CourseTitle, CohortRole Role, DateTimeOffset JoinedAt);

    public sealed record AuditRow(DateTimeOffset At, PlatformAuditKind Kind, string? ActorName, string? ActorEmail, string Reason);
}
