using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Proposals;

// A module's proposed prompts in one cohort: members propose, support and discuss; the cohort's instructors adopt,
// decline, hide and restore. Every form posts here and comes back (post, redirect, get); a refused input redisplays
// the page with the message and the text as typed.
[Authorize]
public sealed class ProposalsModel(
    PlatformDbContext db, ProposalAccess access, ProposalCommands commands, TimeProvider clock, IStringLocalizer<ProposalsModel> localizer) : PageModel
{
    public const int PageSize = 20;

    public ProposalPlace Place { get; private set; } = null!;
    public IReadOnlyList<ProposalView> Proposals { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public string? Error { get; private set; }

    // The proposal the refused form was about, so the message stands next to it.
    public Guid? ErrorFor { get; private set; }

    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    public string PageUrl => Url.Content($"~/cohorts/{Place.Cohort.Id}/modules/{Place.Module.Id}/proposals");

    public string Handler(string name) => $"{PageUrl}?handler={name}";

    public async Task<IActionResult> OnGetAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, [FromQuery(Name = "p")] int? number, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cohortId, moduleId, number, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        // The decisions on my proposals here are seen once I open the page their notifications lead to, as a thread's
        // replies are once I open the thread.
        var userId = Place.UserId;
        await db.Notifications
            .Where(n => n.UserId == userId && n.ReadAt == null && n.ProposalId != null
                        && db.PromptProposals.Any(p => p.Id == n.ProposalId && p.CohortId == cohortId && p.ModuleId == moduleId))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow()), cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, CancellationToken cancellationToken) =>
        RunAsync(cohortId, moduleId, null, place => commands.ProposeAsync(place, Input.Text, Input.Why, cancellationToken),
            localizer["Your proposal is posted. Others in the cohort can now support it."], cancellationToken);

    public Task<IActionResult> OnPostSupportAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, Guid proposalId, CancellationToken cancellationToken) =>
        RunAsync(cohortId, moduleId, proposalId, place => commands.ToggleSupportAsync(place, proposalId, cancellationToken), null, cancellationToken);

    public Task<IActionResult> OnPostCommentAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, Guid proposalId, CancellationToken cancellationToken) =>
        RunAsync(cohortId, moduleId, proposalId, place => commands.CommentAsync(place, proposalId, Input.Comment, cancellationToken),
            localizer["Your comment is posted."], cancellationToken);

    public Task<IActionResult> OnPostAdoptAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, Guid proposalId, CancellationToken cancellationToken) =>
        RunAsync(cohortId, moduleId, proposalId, place => commands.AdoptAsync(place, proposalId, Input.AdoptedText, cancellationToken),
            localizer["The proposal is now a prompt of this cohort."], cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, Guid proposalId, CancellationToken cancellationToken) =>
        RunAsync(cohortId, moduleId, proposalId, place => commands.DeclineAsync(place, proposalId, Input.Reason, cancellationToken),
            localizer["The proposal is declined; its author reads your reason."], cancellationToken);

    public Task<IActionResult> OnPostOfferAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, Guid proposalId, CancellationToken cancellationToken) =>
        RunAsync(cohortId, moduleId, proposalId, place => commands.OfferToModuleAsync(place, proposalId, cancellationToken),
            localizer["The prompt now belongs to the module: every cohort of the course is asked it."], cancellationToken);

    public Task<IActionResult> OnPostHideAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, Guid proposalId, CancellationToken cancellationToken) =>
        RunAsync(cohortId, moduleId, proposalId, place => commands.SetProposalHiddenAsync(place, proposalId, true, Input.Reason, cancellationToken),
            localizer["The proposal is hidden from learners."], cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, Guid proposalId, CancellationToken cancellationToken) =>
        RunAsync(cohortId, moduleId, proposalId, place => commands.SetProposalHiddenAsync(place, proposalId, false, Input.Reason, cancellationToken),
            localizer["The proposal is shown again."], cancellationToken);

    public Task<IActionResult> OnPostHideCommentAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, Guid commentId, CancellationToken cancellationToken) =>
        RunAsync(cohortId, moduleId, null, place => commands.SetCommentHiddenAsync(place, commentId, true, Input.Reason, cancellationToken),
            localizer["The comment is hidden from learners."], cancellationToken);

    public Task<IActionResult> OnPostRestoreCommentAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, Guid commentId, CancellationToken cancellationToken) =>
        RunAsync(cohortId, moduleId, null, place => commands.SetCommentHiddenAsync(place, commentId, false, Input.Reason, cancellationToken),
            localizer["The comment is shown again."], cancellationToken);

    private async Task<IActionResult> RunAsync(
        Guid cohortId, Guid moduleId, Guid? proposalId, Func<ProposalPlace, Task<ProposalResult>> run, LocalizedString? done, CancellationToken cancellationToken)
    {
        var (place, refusal) = await access.ForAsync(cohortId, moduleId, User, cancellationToken);
        if (place is null)
        {
            return refusal!;
        }
        var result = await run(place);
        switch (result.Outcome)
        {
            case ProposalOutcome.Done:
                if (done is not null)
                {
                    TempData["Status"] = done.Value;
                }
                var anchor = proposalId ?? result.Id;
                return Redirect(Url.Content($"~/cohorts/{cohortId}/modules/{moduleId}/proposals") + (anchor is { } a ? $"#proposal-{a}" : string.Empty));
            case ProposalOutcome.NotFound:
                return NotFound();
            case ProposalOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (await LoadAsync(cohortId, moduleId, null, cancellationToken) is { } again)
        {
            return again;
        }
        Error = Message(result);
        ErrorFor = proposalId;
        Response.StatusCode = result.Outcome == ProposalOutcome.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }

    private string Message(ProposalResult result) => result.Outcome switch
    {
        ProposalOutcome.OwnProposal => localizer["You cannot support your own proposal."],
        ProposalOutcome.NotPending => localizer["This proposal has already been decided."],
        _ => result.Problem switch
        {
            ProposalProblem.TextTooShort => localizer["A proposed prompt needs at least {count, plural, one {# character} other {# characters}}.", ProposalRules.MinTextLength],
            ProposalProblem.TextTooLong => localizer["A proposed prompt has at most {count, plural, one {# character} other {# characters}}.", ProposalRules.MaxTextLength],
            ProposalProblem.WhyMissing => localizer["Say in a sentence why the cohort should reflect on this."],
            ProposalProblem.WhyTooLong => localizer["The reason has at most {count, plural, one {# character} other {# characters}}.", ProposalRules.MaxWhyLength],
            ProposalProblem.CommentMissing => localizer["Write a comment first."],
            ProposalProblem.CommentTooLong => localizer["A comment has at most {count, plural, one {# character} other {# characters}}.", ProposalRules.MaxCommentLength],
            ProposalProblem.ReasonMissing => localizer["Give the author a reason."],
            _ => localizer["A reason has at most {count, plural, one {# character} other {# characters}}.", ProposalRules.MaxReasonLength],
        },
    };

    private async Task<IActionResult?> LoadAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, int? number, CancellationToken cancellationToken)
    {
        var (place, refusal) = await access.ForAsync(cohortId, moduleId, User, cancellationToken);
        if (place is null)
        {
            return refusal;
        }
        Place = place;
        var userId = place.UserId;
        var moderator = place.CanManage;
        var query = db.PromptProposals.AsNoTracking().Where(p => p.CohortId == cohortId && p.ModuleId == moduleId && (moderator || !p.IsHidden));
        PageCount = Pager.CountOf(await query.CountAsync(cancellationToken), PageSize);
        PageNumber = Pager.Clamp(number, PageCount);
        // Pending first, the most supported on top; decided ones after, newest first.
        var rows = await query
            .OrderBy(p => p.Status == ProposalStatus.Pending ? 0 : 1).ThenByDescending(p => p.SupportCount).ThenByDescending(p => p.CreatedAt)
            .Skip(Pager.Skip(PageNumber, PageSize)).Take(PageSize)
            .Select(p => new
            {
                p.Id,
                p.AuthorId,
                AuthorName = db.Users.Where(u => u.Id == p.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                p.Text,
                p.Why,
                p.Status,
                p.DeclineReason,
                p.PromptId,
                CohortOnly = db.ReflectionPrompts.Any(r => r.Id == p.PromptId && r.CohortId != null),
                p.IsHidden,
                p.SupportCount,
                Mine = db.ProposalSupports.Any(s => s.ProposalId == p.Id && s.UserId == userId),
                p.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var comments = await db.ProposalComments.AsNoTracking()
            .Where(c => ids.Contains(c.ProposalId) && (moderator || !c.IsHidden))
            .OrderBy(c => c.CreatedAt)
            .Select(c => new ProposalCommentView(c.Id, c.ProposalId, db.Users.Where(u => u.Id == c.AuthorId).Select(u => u.DisplayName).FirstOrDefault(), c.Text, c.IsHidden, c.CreatedAt))
            .ToListAsync(cancellationToken);
        Proposals = rows.Select(r => new ProposalView(
            r.Id, r.AuthorId, r.AuthorName, r.Text, r.Why, r.Status,
            // The reason a proposal was declined is for its author and the instructors.
            r.AuthorId == userId || moderator ? r.DeclineReason : null,
            r.PromptId, r.CohortOnly, r.IsHidden, r.SupportCount, r.Mine, r.CreatedAt,
            comments.Where(c => c.ProposalId == r.Id).ToList())).ToList();
        return null;
    }

    public sealed class ProposalInput
    {
        public string? Text { get; set; }
        public string? Why { get; set; }

        public string? Comment { get; set; }
        public string? AdoptedText { get; set; }
        public string? Reason { get; set; }
    }
}
