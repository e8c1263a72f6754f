using System.ComponentModel.DataAnnotations;
using CoSie.Platform.Web.Features.Cohorts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Moderation;

// A cohort's review queue, for its instructors and the institution's admins: posts awaiting approval and flagged
// posts, each in context, with the cohort's pre-approval setting. The institution-wide queue posts here too.
[Authorize(Policy = PlatformPolicies.InstitutionMember)]
public sealed class QueueModel(
    PlatformDbContext db,
    CohortAccess cohorts,
    ReviewItems review,
    ApprovePost approve,
    HidePost hide,
    ResolveFlags resolve,
    IStringLocalizer<QueueModel> localizer) : PageModel
{
    [BindProperty]
    public ApprovalInput Approval { get; set; } = new();

    public Cohort Cohort { get; private set; } = null!;
    public int FlaggedCount { get; private set; }
    public int AwaitingCount { get; private set; }
    public IReadOnlyList<QueueItem> Flagged { get; private set; } = [];
    public IReadOnlyList<QueueItem> Awaiting { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Pager.CountOf(Math.Max(FlaggedCount, AwaitingCount), ReviewItems.PageSize);
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? p, CancellationToken cancellationToken)
    {
        var grant = await cohorts.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        Cohort = grant.Cohort;
        Approval = new ApprovalInput { RequireApproval = Cohort.RequireApproval, ApprovalFirstPosts = Cohort.ApprovalFirstPosts };
        PageNumber = Math.Max(1, p ?? 1);
        (FlaggedCount, AwaitingCount) = await review.CountsAsync([id], cancellationToken);
        Flagged = await review.FlaggedAsync([id], PageNumber, cancellationToken);
        Awaiting = await review.AwaitingAsync([id], PageNumber, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync([FromRoute] Guid id, Guid reflectionId, Guid postId, CancellationToken cancellationToken) =>
        AnswerAsync(id, () => approve.ExecuteAsync(id, reflectionId, postId, UserId, cancellationToken), localizer["The post is approved and published."], cancellationToken);

    public Task<IActionResult> OnPostRejectAsync([FromRoute] Guid id, Guid reflectionId, Guid postId, string? reason, CancellationToken cancellationToken) =>
        AnswerAsync(id, () => hide.ExecuteAsync(id, reflectionId, postId, UserId, reason, cancellationToken), localizer["The post is hidden."], cancellationToken);

    public Task<IActionResult> OnPostDismissAsync([FromRoute] Guid id, Guid postId, string? reason, CancellationToken cancellationToken) =>
        AnswerAsync(id, () => resolve.ExecuteAsync(id, postId, UserId, hide: false, reason, cancellationToken), localizer["The flags are dismissed."], cancellationToken);

    public Task<IActionResult> OnPostHideAsync([FromRoute] Guid id, Guid postId, string? reason, CancellationToken cancellationToken) =>
        AnswerAsync(id, () => resolve.ExecuteAsync(id, postId, UserId, hide: true, reason, cancellationToken), localizer["The post is hidden and its flags resolved."], cancellationToken);

    public async Task<IActionResult> OnPostApprovalAsync([FromRoute] Guid id, CancellationToken cancellationToken)
    {
        var grant = await cohorts.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        if (!ModelState.IsValid)
        {
            TempData["Status"] = localizer["The number of first posts must be between 0 and 100."].Value;
            return RedirectToPage(new { id });
        }
        grant.Cohort.RequireApproval = Approval.RequireApproval;
        grant.Cohort.ApprovalFirstPosts = Approval.ApprovalFirstPosts;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = localizer["Pre-approval settings saved."].Value;
        return RedirectToPage(new { id });
    }

    // The cohort is checked first, as the page itself is, so that someone who may not moderate it is refused the same
    // way whichever post the form names (or none).
    private async Task<IActionResult> AnswerAsync(Guid id, Func<Task<ModerationResult>> action, string done, CancellationToken cancellationToken)
    {
        var grant = await cohorts.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        var result = await action();
        switch (result.Outcome)
        {
            case ModerationOutcome.NotFound:
                return NotFound();
            case ModerationOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }
        TempData["Status"] = result.Outcome == ModerationOutcome.Done ? done : localizer.Message(result);
        if (!result.Succeeded)
        {
            Response.StatusCode = result.StatusCode;
        }
        var back = Request.HasFormContentType ? Request.Form["returnUrl"].ToString() : string.Empty;
        return !string.IsNullOrEmpty(back) && Url.IsLocalUrl(back) ? LocalRedirect(back) : RedirectToPage(new { id });
    }

    private Guid UserId => User.RequiredAccountId();

    public sealed class ApprovalInput
    {
        [Display(Name = "Learners' posts wait for approval")]
        public bool RequireApproval { get; set; }

        [Display(Name = "Only each learner's first posts (0: all of them)")]
        [Range(0, 100)]
        public int ApprovalFirstPosts { get; set; }
    }
}
