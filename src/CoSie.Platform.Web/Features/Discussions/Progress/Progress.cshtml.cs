using CoSie.Platform.Web.Features.Cohorts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Discussions.Progress;

// For the cohort's instructors: which learner answered which prompt and replied to how many peers.
[Authorize]
public sealed class ProgressModel(CohortAccess access, DiscussionProgress progress) : PageModel
{
    public Cohort Cohort { get; private set; } = null!;
    public CohortProgressTable Table { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        Cohort = grant.Cohort;
        Table = await progress.TableAsync(Cohort, cancellationToken);
        return Page();
    }
}
