using System.ComponentModel.DataAnnotations;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Discussions.Posts;

// The author's page for one of their posts: change it within the edit window, or delete it.
[Authorize]
public sealed class EditModel(
    PlatformDbContext db, DiscussionAccess access, EditPost edit, DeletePost delete, TimeProvider clock, TenantContext tenant,
    IStringLocalizer<EditModel> localizer) : PageModel
{
    [BindProperty]
    public EditInput Input { get; set; } = new();

    public DiscussionPlace Place { get; private set; } = null!;
    public bool MayEdit { get; private set; }
    public bool IsReflection { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid cohortId, Guid reflectionId, Guid postId, CancellationToken cancellationToken) =>
        await LoadAsync(cohortId, reflectionId, postId, fill: true, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid cohortId, [FromRoute] Guid reflectionId, [FromRoute] Guid postId, CancellationToken cancellationToken)
    {
        var result = await edit.ExecuteAsync(cohortId, reflectionId, postId, UserId, Input.Body, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect(ThreadUrl(cohortId, reflectionId, postId));
        }
        if (result.Outcome == DiscussionOutcome.NotFound)
        {
            return NotFound();
        }
        if (await LoadAsync(cohortId, reflectionId, postId, fill: false, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Error = localizer.Message(result, ReaderTimeZone.Of(User, tenant.Institution));
        Response.StatusCode = result.StatusCode;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync([FromRoute] Guid cohortId, [FromRoute] Guid reflectionId, [FromRoute] Guid postId, CancellationToken cancellationToken)
    {
        var result = await delete.ExecuteAsync(cohortId, reflectionId, postId, UserId, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Status"] = localizer["Your post was deleted. Replies to it stay in the discussion."].Value;
            // A learner who deleted their reflection may no longer read the thread; the prompt page always opens.
            return postId == reflectionId
                ? Redirect(Url.Content($"~/cohorts/{cohortId}/prompts/{await PromptOfAsync(reflectionId, cancellationToken)}"))
                : Redirect(ThreadUrl(cohortId, reflectionId, postId));
        }
        return result.Outcome == DiscussionOutcome.NotFound ? NotFound() : StatusCode(result.StatusCode);
    }

    private async Task<IActionResult?> LoadAsync(Guid cohortId, Guid reflectionId, Guid postId, bool fill, CancellationToken cancellationToken)
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
        IsReflection = postId == reflectionId;
        var post = IsReflection
            ? new { read.Reflection.AuthorId, read.Reflection.Status, read.Reflection.BodySource, read.Reflection.CreatedAt }
            : await db.Replies.AsNoTracking().Where(r => r.Id == postId && r.ReflectionId == reflectionId)
                .Select(r => new { r.AuthorId, r.Status, r.BodySource, r.CreatedAt }).SingleOrDefaultAsync(cancellationToken);
        if (post is null)
        {
            return NotFound();
        }
        if (post.AuthorId != UserId || post.Status == PostStatus.Deleted)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        MayEdit = PostRules.IsEditable(post.Status, post.CreatedAt, clock.GetUtcNow(), read.EditWindow);
        if (fill)
        {
            Input.Body = post.BodySource;
        }
        return null;
    }

    private Task<Guid> PromptOfAsync(Guid reflectionId, CancellationToken cancellationToken) =>
        db.Reflections.Where(r => r.Id == reflectionId).Select(r => r.PromptId).SingleAsync(cancellationToken);

    private string ThreadUrl(Guid cohortId, Guid reflectionId, Guid postId) =>
        Url.Content($"~/cohorts/{cohortId}/reflections/{reflectionId}") + $"?post={postId}#post-{postId}";

    private Guid UserId => User.RequiredAccountId();

    public sealed class EditInput
    {
        [DataType(DataType.MultilineText)]
        [Display(Name = "Text")]
        public string? Body { get; set; }
    }
}
