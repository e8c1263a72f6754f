using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Cohorts;

[Authorize(Policy = PlatformPolicies.InstitutionMember)]
public sealed class RevokeInvitationModel(PlatformDbContext db, CohortAccess access, IStringLocalizer<RevokeInvitationModel> localizer) : PageModel
{
    public Cohort Cohort { get; private set; } = null!;
    public CohortInvitation Invitation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid invitationId, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        Cohort = grant.Cohort;
        var invitation = await FindAsync(id, invitationId, cancellationToken);
        if (invitation is null)
        {
            return NotFound();
        }
        Invitation = invitation;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid id, [FromRoute] Guid invitationId, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        var invitation = await FindAsync(id, invitationId, cancellationToken);
        if (invitation is not null)
        {
            db.CohortInvitations.Remove(invitation);
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData["Status"] = localizer["The invitation was revoked."].Value;
        return RedirectToPage("Roster", null, new { id }, "pending");
    }

    private Task<CohortInvitation?> FindAsync(Guid cohortId, Guid invitationId, CancellationToken cancellationToken) =>
        db.CohortInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.CohortId == cohortId && i.AcceptedAt == null, cancellationToken);
}
