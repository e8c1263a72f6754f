using CoSie.Platform.Web.Features.NextSteps;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Cohorts;

[Authorize(Policy = PlatformPolicies.InstitutionMember)]
public sealed class OverviewModel(
    PlatformDbContext db, CohortAccess access, CohortCalendar calendar, WhatNext whatNext, IStringLocalizer<OverviewModel> localizer)
    : PageModel
{
    public Cohort Cohort { get; private set; } = null!;
    public Course? Course { get; private set; }
    public CohortMember? Me { get; private set; }
    public bool CanManage { get; private set; }
    public bool HasEnded { get; private set; }
    public IReadOnlyDictionary<CohortRole, int> MemberCounts { get; private set; } = new Dictionary<CohortRole, int>();
    public int PendingInvitations { get; private set; }
    public string InviteLink { get; private set; } = string.Empty;
    public IReadOnlyList<CohortSteps> NextSteps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var grant = await access.ToViewAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        Cohort = grant.Cohort;
        Me = grant.Member;
        CanManage = grant.CanManage;
        HasEnded = calendar.HasEnded(Cohort);
        if (Me is not null)
        {
            NextSteps = await whatNext.ForAsync(Me.UserId, id, cancellationToken);
        }
        Course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == Cohort.CourseId, cancellationToken);
        MemberCounts = await db.CohortMembers.Where(m => m.CohortId == id)
            .GroupBy(m => m.Role).Select(g => new { Role = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Role, g => g.Count, cancellationToken);
        if (CanManage)
        {
            PendingInvitations = await db.CohortInvitations.CountAsync(i => i.CohortId == id && i.AcceptedAt == null, cancellationToken);
            InviteLink = Url.PageLink("Join", values: new { code = Cohort.InviteCode })!;
        }
        return Page();
    }

    public Task<IActionResult> OnPostDisableInviteAsync([FromRoute] Guid id, CancellationToken cancellationToken) =>
        SetInviteEnabledAsync(id, enabled: false, cancellationToken);

    public Task<IActionResult> OnPostEnableInviteAsync([FromRoute] Guid id, CancellationToken cancellationToken) =>
        SetInviteEnabledAsync(id, enabled: true, cancellationToken);

    private async Task<IActionResult> SetInviteEnabledAsync(Guid id, bool enabled, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        grant.Cohort.InviteEnabled = enabled;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = enabled
            ? localizer["The invite link works again."].Value
            : localizer["The invite link is disabled. Nobody can join with it until you enable it again."].Value;
        return RedirectToPage(new { id });
    }

    public int Count(CohortRole role) => MemberCounts.GetValueOrDefault(role);
}
