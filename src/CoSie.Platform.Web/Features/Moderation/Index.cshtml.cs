using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Moderation;

// The institution-wide review queue, for its admins: every cohort's awaiting and flagged posts. Its forms post to
// each item's cohort queue, which checks the person moderates that cohort.
[Authorize(Policy = PlatformPolicies.InstitutionAdmin)]
public sealed class IndexModel(ModerationScope scopes, ReviewItems review) : PageModel
{
    public int FlaggedCount { get; private set; }
    public int AwaitingCount { get; private set; }
    public IReadOnlyList<QueueItem> Flagged { get; private set; } = [];
    public IReadOnlyList<QueueItem> Awaiting { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Pager.CountOf(Math.Max(FlaggedCount, AwaitingCount), ReviewItems.PageSize);

    public async Task OnGetAsync(int? p, CancellationToken cancellationToken)
    {
        var scope = await scopes.ForAsync(User, cancellationToken);
        var cohortIds = scope.Cohorts.Select(c => c.Id).ToList();
        PageNumber = Math.Max(1, p ?? 1);
        (FlaggedCount, AwaitingCount) = await review.CountsAsync(cohortIds, cancellationToken);
        Flagged = await review.FlaggedAsync(cohortIds, PageNumber, cancellationToken);
        Awaiting = await review.AwaitingAsync(cohortIds, PageNumber, cancellationToken);
    }
}
