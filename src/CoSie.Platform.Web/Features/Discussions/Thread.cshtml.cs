using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CoSie.Platform.Web.Features.Discussions;

// A reflection and its replies as a tree. The shared HTML comes from ThreadReader (cached per thread version);
// this page fills in the person's own parts. Posting, replying and "helpful" are plain forms that redirect back
// to the post (post, redirect, get); discussion.js adds live updates on top.
[Authorize]
public sealed class ThreadModel(
    DiscussionAccess access,
    ThreadReader reader,
    ThreadRenderer renderer,
    ReplyToReflection replies,
    MarkHelpful helpful,
    Mentions mentions,
    TenantContext tenant,
    TimeProvider clock,
    IStringLocalizer<ThreadModel> localizer) : PageModel
{
    [BindProperty]
    public ReplyInput Input { get; set; } = new();

    public ThreadAccess Access { get; private set; } = null!;
    public ThreadSnapshot? Snapshot { get; private set; }
    public PersonalView? Person { get; private set; }
    public PostRow? ReplyingTo { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<PostRow> OwnAwaiting { get; private set; } = [];
    public string InstitutionSlug => tenant.Required.Slug;

    public async Task<IActionResult> OnGetAsync(Guid cohortId, Guid reflectionId, Guid? replyTo, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(cohortId, reflectionId, replyTo, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Input = new ReplyInput { ParentId = ReplyingTo is { IsReflection: false } parent ? parent.Id : null, SubmissionKey = Guid.NewGuid() };
        await reader.RecordVisitAsync(Access.Reflection!, UserId, clock.GetUtcNow(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReplyAsync(Guid cohortId, Guid reflectionId, CancellationToken cancellationToken)
    {
        var result = await replies.ExecuteAsync(cohortId, reflectionId, Input.ParentId, UserId, Input.Body, Input.SubmissionKey, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect(PostUrl(cohortId, reflectionId, result.PostId!.Value));
        }
        if (result.Outcome == DiscussionOutcome.NotFound)
        {
            return NotFound();
        }
        var refusal = await LoadAsync(cohortId, reflectionId, Input.ParentId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Error = localizer.Message(result);
        Response.StatusCode = result.StatusCode();
        Response.AddRetryAfter(result);
        return Page();
    }

    public async Task<IActionResult> OnPostHelpfulAsync(Guid cohortId, Guid reflectionId, Guid postId, CancellationToken cancellationToken)
    {
        var result = await helpful.ExecuteAsync(cohortId, reflectionId, postId, UserId, cancellationToken);
        return result.Outcome switch
        {
            DiscussionOutcome.Done => Redirect(PostUrl(cohortId, reflectionId, postId)),
            DiscussionOutcome.NotFound => NotFound(),
            _ => StatusCode(result.StatusCode()),
        };
    }

    // For the @mention autocomplete: members of this cohort, to those who may read the thread.
    public async Task<IActionResult> OnGetMembersAsync(Guid cohortId, Guid reflectionId, string? q, CancellationToken cancellationToken)
    {
        var read = await access.ForThreadAsync(cohortId, reflectionId, UserId, cancellationToken);
        if (!read.Allowed)
        {
            return read.Verdict == AccessVerdict.NotFound ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
        }
        var members = await mentions.CohortMembersAsync(cohortId, q, cancellationToken);
        return new JsonResult(members.Where(m => m.UserId != UserId).Select(m => new { name = m.Name }));
    }

    public IHtmlContent ThreadHtml()
    {
        var snapshot = Snapshot!;
        var html = new StringBuilder(snapshot.Parts.Sum(p => p.Length) + snapshot.Posts.Count * 256);
        for (var i = 0; i < snapshot.Slots.Count; i++)
        {
            html.Append(snapshot.Parts[i]);
            var (post, kind) = snapshot.Slots[i];
            renderer.WriteSlot(html, snapshot.Posts[post], kind, Person!);
        }
        html.Append(snapshot.Parts[^1]);
        return new HtmlString(html.ToString());
    }

    private async Task<IActionResult?> LoadAsync(Guid cohortId, Guid reflectionId, Guid? replyTo, CancellationToken cancellationToken)
    {
        Access = await access.ForThreadAsync(cohortId, reflectionId, UserId, cancellationToken);
        switch (Access.Verdict)
        {
            case AccessVerdict.NotFound:
                return NotFound();
            case AccessVerdict.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case AccessVerdict.HeldBack:
                // The page explains the gate; the status says the thread itself stays closed.
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
        }
        Snapshot = await reader.SharedAsync(Access, cancellationToken);
        var marks = await reader.HelpfulMarksAsync(reflectionId, UserId, cancellationToken);
        var viewer = Access.Viewer!;
        Person = new PersonalView(
            UserId, viewer.CanParticipate, viewer.IsModerator, !Access.Reflection!.IsLocked, marks, Access.LastVisitAt, clock.GetUtcNow(), Access.EditWindow,
            Url.Content($"~/cohorts/{cohortId}/reflections/{reflectionId}"));
        ReplyingTo = replyTo is { } id ? Snapshot.Posts.FirstOrDefault(p => p.Id == id) : null;
        // Only when there is something to show, so that an ordinary thread page keeps its query count.
        if (Access.OwnRepliesAwaitingApproval > 0 && !viewer.IsModerator)
        {
            var userId = UserId;
            OwnAwaiting = await reader.RepliesAsync(reflectionId, cancellationToken) is var all
                ? [.. all.Where(p => p.AuthorId == userId && p.Status == Domain.PostStatus.AwaitingApproval)]
                : [];
        }
        return null;
    }

    public string When(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, reader.Zone).ToString("g", System.Globalization.CultureInfo.CurrentCulture);

    private string PostUrl(Guid cohortId, Guid reflectionId, Guid postId) =>
        Url.Content($"~/cohorts/{cohortId}/reflections/{reflectionId}") + $"#post-{postId}";

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public sealed class ReplyInput
    {
        public Guid? ParentId { get; set; }

        public Guid? SubmissionKey { get; set; }

        // Length and emptiness are the use case's to judge (PostBody), so that every way of posting says the same.
        [Display(Name = "Your reply")]
        public string? Body { get; set; }
    }
}
