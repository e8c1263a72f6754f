using System.ComponentModel.DataAnnotations;
using CoSie.Platform.Web.Features.Discussions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Moderation;

// A member reports a post to the cohort's moderators.
[Authorize(Policy = PlatformPolicies.InstitutionMember)]
public sealed class FlagModel(DiscussionAccess access, FlagPost flag, IStringLocalizer<FlagModel> localizer) : PageModel
{
    [BindProperty]
    public FlagInput Input { get; set; } = new();

    public DiscussionPlace Place { get; private set; } = null!;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid cohortId, Guid reflectionId, CancellationToken cancellationToken) =>
        await LoadAsync(cohortId, reflectionId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid cohortId, [FromRoute] Guid reflectionId, [FromRoute] Guid postId, CancellationToken cancellationToken)
    {
        var result = await flag.ExecuteAsync(cohortId, reflectionId, postId, UserId, Input.Reason, Input.Note, cancellationToken);
        switch (result.Outcome)
        {
            case ModerationOutcome.Done:
            case ModerationOutcome.NoChange:
                TempData["Status"] = result.Outcome == ModerationOutcome.Done
                    ? localizer["Thank you. The cohort's moderators will look at it."].Value
                    : localizer["You have flagged this post already, or it is no longer shown."].Value;
                return Redirect(Url.Content($"~/cohorts/{cohortId}/reflections/{reflectionId}") + $"?post={postId}#post-{postId}");
            case ModerationOutcome.NotFound:
                return NotFound();
            case ModerationOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (await LoadAsync(cohortId, reflectionId, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Error = result.Outcome == ModerationOutcome.ReasonRequired
            ? localizer["Say what is wrong in the note when you choose \"Other\"."]
            : localizer.Message(result);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid cohortId, Guid reflectionId, CancellationToken cancellationToken)
    {
        var read = await access.ForThreadAsync(cohortId, reflectionId, UserId, cancellationToken);
        if (read.Verdict == AccessVerdict.NotFound)
        {
            return NotFound();
        }
        if (!read.Allowed)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Place = read.Place;
        return null;
    }

    private Guid UserId => User.RequiredAccountId();

    public sealed class FlagInput
    {
        [Display(Name = "What is wrong with it?")]
        public FlagReason Reason { get; set; } = FlagReason.Spam;

        [DataType(DataType.MultilineText)]
        [Display(Name = "Note for the moderators")]
        public string? Note { get; set; }
    }
}
