using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Encodings.Web;
using CoSie.Platform.Web.Features.Discussions.Drafts;
using CoSie.Platform.Web.Features.Discussions.Notifications;
using CoSie.Platform.Web.Features.Discussions.Posts;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Discussions.Threads;

// A reflection and one page of its replies (DiscussionOptions.PageSize, in tree order). The shared HTML comes from
// ThreadLoader (the whole thread, cached per thread version); this page writes the slice it shows and fills in the
// person's own parts. ?page=N picks a page, ?post={id} the page that holds a post; "Show more" is a plain link to
// the next page, which js/discussion/paging.js turns into the Page fragment appended in place. Posting, replying and
// "helpful" are plain forms that redirect back to the post (post, redirect, get); js/discussion/ adds live updates.
[Authorize]
public sealed class ThreadModel(
    DiscussionAccess access,
    ThreadLoader loader,
    ThreadRenderer renderer,
    ReplyToReflection replies,
    DraftStore drafts,
    PostBody postBody,
    MarkHelpful helpful,
    Mentions mentions,
    ThreadSubscriptions subscriptions,
    NotificationBadge badge,
    TenantContext tenant,
    TimeProvider clock,
    IOptions<DiscussionOptions> options,
    IStringLocalizer<ThreadModel> localizer) : PageModel
{
    [BindProperty]
    public ReplyInput Input { get; set; } = new();

    public ThreadAccess Access { get; private set; } = null!;
    public ThreadSnapshot? Snapshot { get; private set; }
    public PersonalView? Person { get; private set; }
    public PostRow? ReplyingTo { get; private set; }
    public string? Error { get; private set; }

    // The reply as it will look once posted, when the person asked for a preview.
    public string? PreviewHtml { get; private set; }
    public IReadOnlyList<PostRow> OwnAwaiting { get; private set; } = [];
    public ThreadPage Paging { get; private set; } = ThreadPage.Of(1, 0, 1);
    public string InstitutionSlug => tenant.Required.Slug;

    // Times on this page are the reader's.
    private TimeZoneInfo Zone => ReaderTimeZone.Of(User, tenant.Institution);

    // "page" is also Razor Pages' own route value (the page's name), so the number binds from the query alone.
    public async Task<IActionResult> OnGetAsync(
        Guid cohortId, Guid reflectionId, [FromQuery(Name = "page")] int? number, Guid? post, Guid? replyTo, long? since, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return NotFound();
        }
        // The rendered posts link to their authors relatively (../people/{id}), because one rendering serves the
        // institution under its host name and under its path prefix alike. Those links hold from the thread's own
        // address only, so the same address with a trailing slash goes to that address.
        if (Request.Path.Value is { Length: > 1 } path && path.EndsWith('/'))
        {
            return RedirectPermanent(Request.PathBase + path.TrimEnd('/') + Request.QueryString);
        }
        await loader.HoldConnectionAsync(cancellationToken);
        var refusal = await LoadAsync(cohortId, reflectionId, replyTo, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!ChoosePage(number, post ?? replyTo))
        {
            return NotFound();
        }
        KeepMarksSince(since);
        Input = new ReplyInput { ParentId = ReplyingTo is { IsReflection: false } parent ? parent.Id : null, SubmissionKey = Guid.NewGuid(), Body = Access.Draft?.Body };
        await loader.RecordVisitAsync(Access, UserId, clock.GetUtcNow(), cancellationToken);
        // The visit has just read this thread's notifications.
        badge.Know(Math.Max(0, Access.Unread - Access.UnreadHere));
        return Page();
    }

    // Page N's replies alone (the first without a number), as the thread page renders them, for "Show more". The
    // same checks as the page; it is part of a visit already recorded, so it records none. How many replies follow
    // goes in a header.
    public async Task<IActionResult> OnGetPageAsync(
        Guid cohortId, Guid reflectionId, [FromQuery(Name = "page")] int? number, long? since, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return NotFound();
        }
        await loader.HoldConnectionAsync(cancellationToken);
        var refusal = await LoadAsync(cohortId, reflectionId, null, cancellationToken, withOwnAwaiting: false);
        if (refusal is not null)
        {
            // Held back by post-first: the page would explain the gate; a fragment has nothing to show.
            return refusal is PageResult ? StatusCode(StatusCodes.Status403Forbidden) : refusal;
        }
        if (!ChoosePage(number ?? 1, null))
        {
            return NotFound();
        }
        KeepMarksSince(since);
        Response.Headers[RemainingHeader] = Paging.Remaining.ToString(CultureInfo.InvariantCulture);
        Response.Headers[PagesHeader] = Paging.Count.ToString(CultureInfo.InvariantCulture);
        using var html = new StringWriter(CultureInfo.InvariantCulture);
        Replies().WriteTo(html, HtmlEncoder.Default);
        return Content(html.ToString(), "text/html; charset=utf-8");
    }

    public const string RemainingHeader = "X-Replies-Remaining";
    public const string PagesHeader = "X-Reply-Pages";

    public async Task<IActionResult> OnPostReplyAsync([FromRoute] Guid cohortId, [FromRoute] Guid reflectionId, CancellationToken cancellationToken)
    {
        var result = await replies.ExecuteAsync(cohortId, reflectionId, Input.ParentId, UserId, Input.Body, Input.SubmissionKey, cancellationToken);
        if (result.Succeeded)
        {
            await drafts.RemoveAsync(UserId, DraftKind.Reply, reflectionId, cancellationToken);
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
        _ = ChoosePage(null, Input.ParentId);
        Error = localizer.Message(result, Zone);
        Response.StatusCode = result.StatusCode;
        Response.AddRetryAfter(result);
        return Page();
    }

    // "Save draft" without JavaScript, and the editor's autosave with it (which asks for no page in return).
    public async Task<IActionResult> OnPostReplyDraftAsync([FromRoute] Guid cohortId, [FromRoute] Guid reflectionId, CancellationToken cancellationToken)
    {
        var outcome = await drafts.SaveReplyAsync(cohortId, reflectionId, UserId, Input.Body, cancellationToken);
        if (DraftResponses.IsAutosave(Request))
        {
            return DraftResponses.ForAutosave(outcome, localizer);
        }
        if (DraftResponses.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }
        if (outcome == DraftOutcome.TooLong)
        {
            return await RedisplayAsync(cohortId, reflectionId, DraftResponses.TooLong(localizer), cancellationToken);
        }
        TempData["Status"] = DraftResponses.Status(outcome, localizer);
        var replyTo = Input.ParentId is { } parent ? $"?replyTo={parent}" : string.Empty;
        return Redirect(Url.Content($"~/cohorts/{cohortId}/reflections/{reflectionId}") + replyTo + "#reply-form");
    }

    // The reply rendered by the same pipeline as a posted one; the draft is kept at the same time.
    public async Task<IActionResult> OnPostReplyPreviewAsync([FromRoute] Guid cohortId, [FromRoute] Guid reflectionId, CancellationToken cancellationToken)
    {
        var outcome = await drafts.SaveReplyAsync(cohortId, reflectionId, UserId, Input.Body, cancellationToken);
        if (DraftResponses.Refusal(outcome) is { } refused)
        {
            return refused;
        }
        var check = postBody.Check(Input.Body, out _, out var html);
        if (check != DiscussionOutcome.Done)
        {
            return await RedisplayAsync(cohortId, reflectionId, localizer.Message(PostResult.Refused(check), Zone), cancellationToken);
        }
        var refusal = await LoadAsync(cohortId, reflectionId, Input.ParentId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        _ = ChoosePage(null, Input.ParentId);
        PreviewHtml = html;
        return Page();
    }

    private async Task<IActionResult> RedisplayAsync(Guid cohortId, Guid reflectionId, string error, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(cohortId, reflectionId, Input.ParentId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        _ = ChoosePage(null, Input.ParentId);
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostHelpfulAsync([FromRoute] Guid cohortId, [FromRoute] Guid reflectionId, [FromQuery] Guid postId, CancellationToken cancellationToken)
    {
        var result = await helpful.ExecuteAsync(cohortId, reflectionId, postId, UserId, cancellationToken);
        return result.Outcome switch
        {
            DiscussionOutcome.Done => Redirect(PostUrl(cohortId, reflectionId, postId)),
            DiscussionOutcome.NotFound => NotFound(),
            _ => StatusCode(result.StatusCode),
        };
    }

    // Follow, mute or neither: a plain form under the thread, which comes back to the thread with a note.
    public async Task<IActionResult> OnPostFollowAsync([FromRoute] Guid cohortId, [FromRoute] Guid reflectionId, [FromForm] string? level, CancellationToken cancellationToken)
    {
        switch (await subscriptions.SetAsync(cohortId, reflectionId, UserId, level, cancellationToken))
        {
            case FollowOutcome.NotFound:
                return NotFound();
            case FollowOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case FollowOutcome.Invalid:
                return BadRequest();
            case FollowOutcome.Done:
                break;
        }
        var chosen = Enum.Parse<ThreadFollowing>(level!);
        TempData["Status"] = chosen switch
        {
            ThreadFollowing.Following => localizer["You follow this discussion: every new reply shows up in your notifications."].Value,
            ThreadFollowing.Muted => localizer["You muted this discussion: it sends you no notifications or mails."].Value,
            _ => localizer["You no longer follow this discussion: you hear of replies to you and mentions of you only."].Value,
        };
        return Redirect(Url.Content($"~/cohorts/{cohortId}/reflections/{reflectionId}") + "#follow");
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

    public IHtmlContent ReflectionHtml() => new ThreadSlice(renderer, Snapshot!, Person!, 0, 1);

    public IHtmlContent Replies() => new ThreadSlice(renderer, Snapshot!, Person!, Paging.Start, Paging.End);

    public int PageSize => options.Value.PageSize;

    // Links to other pages carry the time this page counts "new" from: opening the thread recorded the visit, and
    // the next page of the same reading should mark the same replies as new.
    public string SinceQuery => Person?.LastVisitAt is { } visit ? $"&since={visit.ToUnixTimeMilliseconds()}" : string.Empty;

    // It only changes which posts this person sees marked as new, and only towards an earlier visit of theirs.
    private void KeepMarksSince(long? since)
    {
        if (since is { } ms && ms is >= 0 and <= MaxUnixMilliseconds && Person!.LastVisitAt is { } visit
            && DateTimeOffset.FromUnixTimeMilliseconds(ms) is var earlier && earlier < visit)
        {
            Person = Person with { LastVisitAt = earlier };
        }
    }

    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    // An explicit page number must exist; otherwise the page that holds the post asked for, else the first.
    private bool ChoosePage(int? number, Guid? post)
    {
        var count = ThreadPage.CountFor(Snapshot!.ReplyCount, PageSize);
        if (number is { } n && (n < 1 || n > count))
        {
            return false;
        }
        var chosen = number ?? (post is { } id && Snapshot.IndexOf(id) is var index and > 0 ? ThreadPage.Holding(index, PageSize) : 1);
        Paging = ThreadPage.Of(chosen, Snapshot.ReplyCount, PageSize);
        return true;
    }

    private async Task<IActionResult?> LoadAsync(Guid cohortId, Guid reflectionId, Guid? replyTo, CancellationToken cancellationToken, bool withOwnAwaiting = true)
    {
        Access = await access.ForThreadPageAsync(cohortId, reflectionId, UserId, cancellationToken);
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
        Snapshot = await loader.SharedAsync(Access, Zone, cancellationToken);
        var marks = await loader.HelpfulMarksAsync(Access, UserId, cancellationToken);
        var flags = await loader.OpenFlagsAsync(Access, cancellationToken);
        var viewer = Access.Viewer!;
        Person = new PersonalView(
            UserId, viewer.CanParticipate, viewer.IsModerator, !Access.Reflection!.IsLocked, marks, Access.LastVisitAt, clock.GetUtcNow(), Access.EditWindow,
            Url.Content($"~/cohorts/{cohortId}/reflections/{reflectionId}"), flags, SynthesisAddress(cohortId, viewer));
        ReplyingTo = replyTo is { } id ? Snapshot.Find(id) : null;
        // Only when there is something to show, so that an ordinary thread page keeps its query count.
        if (Access.OwnRepliesAwaitingApproval > 0 && !viewer.IsModerator && withOwnAwaiting)
        {
            var userId = UserId;
            OwnAwaiting = await loader.RepliesAsync(reflectionId, cancellationToken) is var all
                ? [.. all.Where(p => p.AuthorId == userId && p.Status == Domain.PostStatus.AwaitingApproval)]
                : [];
        }
        return null;
    }

    // Members who write in the cohort quote its posts into the module's open synthesis: the link opens the synthesis
    // page's quote form with the post filled in, and the synthesis page decides.
    private string? SynthesisAddress(Guid cohortId, Viewer viewer) =>
        Access.OpenSynthesisModuleId is { } moduleId && viewer.CanParticipate && Access.PostingSuspendedUntil is null
            ? Url.Content($"~/cohorts/{cohortId}/modules/{moduleId}/synthesis")
            : null;

    public string When(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, Zone).ToString("g", System.Globalization.CultureInfo.CurrentCulture);

    // ?post= opens the page that holds the post, whichever page that is by now.
    private string PostUrl(Guid cohortId, Guid reflectionId, Guid postId) =>
        Url.Content($"~/cohorts/{cohortId}/reflections/{reflectionId}") + $"?post={postId}#post-{postId}";

    private Guid UserId => User.RequiredAccountId();

    public sealed class ReplyInput
    {
        public Guid? ParentId { get; set; }

        public Guid? SubmissionKey { get; set; }

        // Length and emptiness are the use case's to judge (PostBody), so that every way of posting says the same.
        [DataType(DataType.MultilineText)]
        [Display(Name = "Your reply")]
        public string? Body { get; set; }
    }
}
