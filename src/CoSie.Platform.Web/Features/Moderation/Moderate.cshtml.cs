using System.ComponentModel.DataAnnotations;
using CoSie.Platform.Web.Features.Discussions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Moderation;

// One post as its cohort's moderators act on it: hide or restore, approve, edit, and (for a reflection) lock and
// pin; institution admins can also delete it for good. Every form asks for a reason; the destructive one asks for
// a confirmation too. The thread page's own moderation bar posts here as well.
[Authorize(Policy = PlatformPolicies.InstitutionMember)]
public sealed class ModerateModel(
    PlatformDbContext db,
    DiscussionAccess access,
    HidePost hide,
    RestorePost restore,
    ApprovePost approve,
    ModeratorEditPost edit,
    LockThread lockThread,
    PinReflection pin,
    PurgePost purge,
    IStringLocalizer<ModerateModel> localizer) : PageModel
{
    [BindProperty]
    public ModerationInput Input { get; set; } = new();

    public DiscussionPlace Place { get; private set; } = null!;
    public Reflection Thread { get; private set; } = null!;
    public PostStatus Status { get; private set; }
    public string BodyHtml { get; private set; } = string.Empty;
    public string? AuthorName { get; private set; }
    public string? HiddenReason { get; private set; }
    public bool IsReflection { get; private set; }
    public bool IsAdmin { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid cohortId, Guid reflectionId, Guid postId, CancellationToken cancellationToken) =>
        await LoadAsync(cohortId, reflectionId, postId, fill: true, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostHideAsync(CancellationToken cancellationToken) =>
        AnswerAsync(hide.ExecuteAsync(CohortId, ReflectionId, PostId, UserId, Input.Reason, cancellationToken),
            localizer["The post is hidden. Learners see a placeholder; its author sees your reason."], cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken) =>
        AnswerAsync(restore.ExecuteAsync(CohortId, ReflectionId, PostId, UserId, Input.Reason, cancellationToken),
            localizer["The post is visible to everyone again."], cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        AnswerAsync(approve.ExecuteAsync(CohortId, ReflectionId, PostId, UserId, cancellationToken),
            localizer["The post is approved and published."], cancellationToken);

    public Task<IActionResult> OnPostEditAsync(CancellationToken cancellationToken) =>
        AnswerAsync(edit.ExecuteAsync(CohortId, ReflectionId, PostId, UserId, Input.Body, Input.Reason, cancellationToken),
            localizer["The post is changed. Its history keeps the earlier text and shows that a moderator edited it."], cancellationToken);

    public Task<IActionResult> OnPostLockAsync(CancellationToken cancellationToken) =>
        AnswerAsync(lockThread.ExecuteAsync(CohortId, ReflectionId, UserId, locked: true, Input.Reason, cancellationToken),
            localizer["The discussion is locked: it takes no new replies."], cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken) =>
        AnswerAsync(lockThread.ExecuteAsync(CohortId, ReflectionId, UserId, locked: false, Input.Reason, cancellationToken),
            localizer["The discussion is open for replies again."], cancellationToken);

    public Task<IActionResult> OnPostPinAsync(CancellationToken cancellationToken) =>
        AnswerAsync(pin.ExecuteAsync(CohortId, ReflectionId, UserId, pinned: true, Input.Reason, cancellationToken),
            localizer["The reflection is pinned to the top of the prompt's discussion."], cancellationToken);

    public Task<IActionResult> OnPostUnpinAsync(CancellationToken cancellationToken) =>
        AnswerAsync(pin.ExecuteAsync(CohortId, ReflectionId, UserId, pinned: false, Input.Reason, cancellationToken),
            localizer["The reflection is no longer pinned."], cancellationToken);

    public Task<IActionResult> OnPostPurgeAsync(CancellationToken cancellationToken) =>
        AnswerAsync(purge.ExecuteAsync(CohortId, ReflectionId, PostId, UserId, Input.Confirm, Input.Reason, cancellationToken),
            localizer["The post is deleted for good."], cancellationToken);

    // Every form of the page acts on the post of its route.
    private Guid CohortId => RouteGuid("cohortId");
    private Guid ReflectionId => RouteGuid("reflectionId");
    private Guid PostId => RouteGuid("postId");

    private Guid RouteGuid(string name) => Guid.Parse(Convert.ToString(RouteData.Values[name], System.Globalization.CultureInfo.InvariantCulture)!);

    private async Task<IActionResult> AnswerAsync(Task<ModerationResult> action, string done, CancellationToken cancellationToken)
    {
        var (cohortId, reflectionId, postId) = (CohortId, ReflectionId, PostId);
        var result = await action;
        switch (result.Outcome)
        {
            case ModerationOutcome.Done:
            case ModerationOutcome.NoChange:
                TempData["Status"] = result.Outcome == ModerationOutcome.Done ? done : localizer.Message(result);
                var back = Request.Form["returnUrl"].ToString();
                return Url.IsLocalUrl(back) && !string.IsNullOrEmpty(back)
                    ? LocalRedirect(back)
                    : Redirect(Url.Content($"~/cohorts/{cohortId}/reflections/{reflectionId}") + $"?post={postId}#post-{postId}");
            case ModerationOutcome.NotFound:
                return NotFound();
            case ModerationOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (await LoadAsync(cohortId, reflectionId, postId, fill: false, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Error = localizer.Message(result);
        Response.StatusCode = result.StatusCode;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid cohortId, Guid reflectionId, Guid postId, bool fill, CancellationToken cancellationToken)
    {
        var read = await access.ForThreadAsync(cohortId, reflectionId, UserId, cancellationToken);
        if (read.Verdict == AccessVerdict.NotFound)
        {
            return NotFound();
        }
        if (!read.Allowed || !read.Viewer.IsModerator)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Place = read.Place;
        Thread = read.Reflection;
        IsAdmin = read.Viewer.IsInstitutionAdmin;
        IsReflection = postId == reflectionId;
        var post = IsReflection
            ? new { Thread.Status, Thread.BodyHtml, Thread.BodySource, Thread.HiddenReason, Thread.AuthorId }
            : await db.Replies.AsNoTracking().Where(r => r.Id == postId && r.ReflectionId == reflectionId)
                .Select(r => new { r.Status, r.BodyHtml, r.BodySource, r.HiddenReason, r.AuthorId }).SingleOrDefaultAsync(cancellationToken);
        if (post is null)
        {
            return NotFound();
        }
        Status = post.Status;
        BodyHtml = post.BodyHtml;
        HiddenReason = post.HiddenReason;
        AuthorName = IsReflection ? read.AuthorName : await db.Users.Where(u => u.Id == post.AuthorId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        if (fill)
        {
            Input.Body = post.BodySource;
        }
        return null;
    }

    private Guid UserId => User.RequiredAccountId();

    public sealed class ModerationInput
    {
        [DataType(DataType.MultilineText)]
        [Display(Name = "Reason")]
        public string? Reason { get; set; }

        [DataType(DataType.MultilineText)]
        [Display(Name = "Text")]
        public string? Body { get; set; }

        [Display(Name = "I understand that this deletes the post for good.")]
        public bool Confirm { get; set; }
    }
}
