using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Cohorts;

// A new invite code makes every copy of the old link useless; this page says so before it happens.
[Authorize(Policy = PlatformPolicies.InstitutionMember)]
public sealed class RegenerateInviteModel(PlatformDbContext db, CohortAccess access, IStringLocalizer<RegenerateInviteModel> localizer) : PageModel
{
    public Cohort Cohort { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        Cohort = grant.Cohort;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid id, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        grant.Cohort.RegenerateInvite();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = localizer["A new invite link is ready. The old link no longer works."].Value;
        return RedirectToPage("Overview", null, new { id }, "invite-link");
    }
}
