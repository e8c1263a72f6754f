using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Cohorts;

[Authorize(Policy = PlatformPolicies.InstitutionMember)]
public sealed class RemoveMemberModel(
    PlatformDbContext db, CohortAccess access, ManageCohortMembers manage, IStringLocalizer<RemoveMemberModel> localizer)
    : PageModel
{
    public Cohort Cohort { get; private set; } = null!;
    public string MemberName { get; private set; } = string.Empty;
    public bool IsLastInstructor { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid memberId, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        Cohort = grant.Cohort;
        var member = await (
            from m in db.CohortMembers
            join u in db.Users on m.UserId equals u.Id
            where m.Id == memberId && m.CohortId == id
            select new { m.Role, u.DisplayName, u.Email })
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return NotFound();
        }
        MemberName = string.IsNullOrWhiteSpace(member.DisplayName) ? member.Email ?? string.Empty : member.DisplayName;
        IsLastInstructor = member.Role == CohortRole.Instructor
            && !await db.CohortMembers.AnyAsync(m => m.CohortId == id && m.Id != memberId && m.Role == CohortRole.Instructor, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid id, [FromRoute] Guid memberId, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        var removingSelf = grant.Member?.Id == memberId;
        var outcome = await manage.RemoveAsync(id, memberId, cancellationToken);
        switch (outcome)
        {
            case MemberChange.LastInstructor:
                TempData["Status"] = localizer["The last instructor of a cohort cannot be removed. Make someone else instructor first."].Value;
                return RedirectToPage("Members", new { id });
            case MemberChange.NotFound:
                return NotFound();
            default:
                TempData["Status"] = localizer["The member was removed from the cohort. They are still a member of the institution."].Value;
                // Someone who removed themselves may no longer manage the cohort; the list of their cohorts always opens.
                return removingSelf ? RedirectToPage("Index") : RedirectToPage("Members", new { id });
        }
    }
}
