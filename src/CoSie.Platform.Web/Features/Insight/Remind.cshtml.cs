using CoSie.Platform.Web.Features.Cohorts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Insight;

// The confirmation step of a reminder: GET shows whom it goes to and who is skipped and why; POST sends it and says
// the same of what happened.
[Authorize]
public sealed class RemindModel(CohortAccess access, SendReminders reminders) : PageModel
{
    public Cohort Cohort { get; private set; } = null!;
    public ReminderPlan? Plan { get; private set; }
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? prompt, [FromQuery] List<Guid> members, string? all, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        Cohort = grant.Cohort;
        if (prompt is { } promptId)
        {
            var ids = ReminderList.IsKnown(all)
                ? [.. (await reminders.CandidatesAsync(Cohort.Id, promptId, all!, cancellationToken)).Select(c => c.UserId)]
                : members;
            Plan = await reminders.PlanAsync(Cohort, promptId, ids, cancellationToken);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid id, [FromForm] Guid? prompt, [FromForm] List<Guid> members, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        Cohort = grant.Cohort;
        if (prompt is { } promptId)
        {
            Plan = await reminders.SendAsync(Cohort, promptId, members, grant.UserId, cancellationToken);
            Sent = Plan is not null;
        }
        if (Plan is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
