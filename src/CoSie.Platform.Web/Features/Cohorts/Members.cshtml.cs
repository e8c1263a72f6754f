using CoSie.Platform.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Cohorts;

[Authorize(Policy = PlatformPolicies.InstitutionMember)]
public sealed class MembersModel(
    PlatformDbContext db, CohortAccess access, ManageCohortMembers manage, CohortCalendar calendar, IStringLocalizer<MembersModel> localizer)
    : PageModel
{
    public const int PageSize = 50;

    public Cohort Cohort { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public Guid MyUserId { get; private set; }
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; }
    public int PageCount => Pager.CountOf(Total, PageSize);

    // "page" is a route value Razor Pages reserves, hence "p".
    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "p")] int? p, CancellationToken cancellationToken)
    {
        var grant = await access.ToViewAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        Cohort = grant.Cohort;
        CanManage = grant.CanManage;
        MyUserId = grant.UserId;

        var members = db.CohortMembers.AsNoTracking().Where(m => m.CohortId == id);
        Total = await members.CountAsync(cancellationToken);
        PageNumber = Pager.Clamp(p, PageCount);
        var rows = await (
            from m in members
            join u in db.Users on m.UserId equals u.Id
            orderby m.Role == CohortRole.Instructor ? 0 : m.Role == CohortRole.Learner ? 1 : 2, u.DisplayName, u.Email, m.Id
            select new { m.Id, m.UserId, u.DisplayName, u.Email, m.Role, m.JoinedAt })
            .Skip(Pager.Skip(PageNumber, PageSize)).Take(PageSize)
            .ToListAsync(cancellationToken);
        Members = [.. rows.Select(r => new MemberRow(
            r.Id, r.UserId, string.IsNullOrWhiteSpace(r.DisplayName) ? r.Email ?? string.Empty : r.DisplayName,
            CanManage ? r.Email : null, r.Role, calendar.DateOf(r.JoinedAt)))];
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync([FromRoute] Guid id, Guid memberId, CohortRole role, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        if (!Enum.IsDefined(role))
        {
            return BadRequest();
        }
        var outcome = await manage.ChangeRoleAsync(id, memberId, role, cancellationToken);
        TempData["Status"] = outcome switch
        {
            MemberChange.Done => localizer["Role changed to {role}.", localizer.Name(role)].Value,
            MemberChange.Unchanged => localizer["Nothing changed: the member already has that role."].Value,
            MemberChange.LastInstructor => localizer["The last instructor of a cohort cannot change role. Make someone else instructor first."].Value,
            _ => localizer["That member is no longer in this cohort."].Value,
        };
        return RedirectToPage(new { id });
    }

    public sealed record MemberRow(Guid Id, Guid UserId, string Name, string? Email, CohortRole Role, DateOnly JoinedOn);
}
