using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Features.Discussions.Drafts;
using CoSie.Platform.Web.Features.Discussions.Notifications;
using CoSie.Platform.Web.Features.Discussions.Posts;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Discussions.Reflections;

// A prompt's discussion in one cohort: the person's own reflection (or the form to write it), then the cohort's
// reflections if post-first lets them see them, a page at a time (Discussions:ReflectionsPerPage).
[Authorize]
public sealed class PromptModel(
    PlatformDbContext db,
    DiscussionAccess access,
    WriteReflection write,
    DraftStore drafts,
    PostBody postBody,
    NotificationBadge badge,
    TenantContext tenant,
    IOptions<DiscussionOptions> options,
    IStringLocalizer<PromptModel> localizer) : PageModel
{
    [BindProperty]
    public ReflectionInput Input { get; set; } = new();

    public PromptAccess Access { get; private set; } = null!;
    public IReadOnlyList<ReflectionSummary> Reflections { get; private set; } = [];
    public string Sort { get; private set; } = "newest";
    public int PageNumber { get; private set; } = 1;
    public bool HasNextPage { get; private set; }
    public string? Error { get; private set; }

    // The text as it will look once posted, when the person asked for a preview.
    public string? PreviewHtml { get; private set; }

    // How many peers have posted while post-first holds this person back (null when it does not).
    public int? PeersPosted { get; private set; }
    public string InstitutionSlug => tenant.Required.Slug;

    // For a prompt the cohort adopted from a member's proposal: who proposed it ("deleted user" once gone).
    public bool IsProposed { get; private set; }
    public string? ProposedBy { get; private set; }

    // The list's own address for another page, keeping the order the person chose.
    public string PageLink(int page) => $"?sort={Sort}&page={page}";

    // "page" is also Razor Pages' own route value (the page's path), so the number is taken from the query by name.
    public async Task<IActionResult> OnGetAsync(
        Guid cohortId, Guid promptId, string? sort, [FromQuery(Name = "page")] int? number, CancellationToken cancellationToken)
    {
        Sort = sort == "discussed" ? "discussed" : "newest";
        PageNumber = Math.Max(1, number ?? 1);
        // One connection for the page's queries: each open is a statement of its own (the institution for
        // row-level security, TenantSessionInterceptor).
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (await LoadAsync(cohortId, promptId, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Input.Body = Access.Draft?.Body;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid cohortId, [FromRoute] Guid promptId, CancellationToken cancellationToken)
    {
        var result = await write.ExecuteAsync(cohortId, promptId, UserId, Input.Body, cancellationToken);
        if (result.Succeeded)
        {
            await drafts.RemoveAsync(UserId, DraftKind.Reflection, promptId, cancellationToken);
            TempData["Status"] = await PostedStatusAsync(cohortId, promptId, result.PostId!.Value, cancellationToken);
        }
        if (result.Succeeded || (result.Outcome == DiscussionOutcome.AlreadyWritten && result.PostId is not null))
        {
            return Redirect(Url.Content($"~/cohorts/{cohortId}/reflections/{result.PostId}") + $"#post-{result.PostId}");
        }
        if (result.Outcome == DiscussionOutcome.NotFound)
        {
            return NotFound();
        }
        if (await LoadAsync(cohortId, promptId, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Error = localizer.Message(result, ReaderTimeZone.Of(User, tenant.Institution));
        Response.StatusCode = result.StatusCode;
        Response.AddRetryAfter(result);
        return Page();
    }

    // "Save draft" without JavaScript, and the editor's autosave with it (which asks for no page in return).
    public async Task<IActionResult> OnPostDraftAsync([FromRoute] Guid cohortId, [FromRoute] Guid promptId, CancellationToken cancellationToken)
    {
        var outcome = await drafts.SaveReflectionAsync(cohortId, promptId, UserId, Input.Body, cancellationToken);
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
            return await RedisplayAsync(cohortId, promptId, DraftResponses.TooLong(localizer), cancellationToken);
        }
        TempData["Status"] = DraftResponses.Status(outcome, localizer);
        return Redirect(Url.Content($"~/cohorts/{cohortId}/prompts/{promptId}") + "#reflection-form");
    }

    // The text rendered by the same pipeline as a posted reflection; the draft is kept at the same time.
    public async Task<IActionResult> OnPostPreviewAsync([FromRoute] Guid cohortId, [FromRoute] Guid promptId, CancellationToken cancellationToken)
    {
        var outcome = await drafts.SaveReflectionAsync(cohortId, promptId, UserId, Input.Body, cancellationToken);
        if (DraftResponses.Refusal(outcome) is { } refused)
        {
            return refused;
        }
        var check = postBody.Check(Input.Body, out _, out var html);
        if (check != DiscussionOutcome.Done)
        {
            return await RedisplayAsync(cohortId, promptId, localizer.Message(PostResult.Refused(check), ReaderTimeZone.Of(User, tenant.Institution)), cancellationToken);
        }
        PreviewHtml = html;
        return await LoadAsync(cohortId, promptId, cancellationToken) ?? Page();
    }

    private async Task<IActionResult> RedisplayAsync(Guid cohortId, Guid promptId, string error, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cohortId, promptId, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    // For the @mention autocomplete: members of this cohort, to its members.
    public async Task<IActionResult> OnGetMembersAsync(Guid cohortId, Guid promptId, string? q, [FromServices] Mentions mentions, CancellationToken cancellationToken)
    {
        var place = await access.ForPromptAsync(cohortId, promptId, UserId, cancellationToken);
        if (!place.Allowed)
        {
            return place.Verdict == AccessVerdict.NotFound ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
        }
        var members = await mentions.CohortMembersAsync(cohortId, q, cancellationToken);
        return new JsonResult(members.Where(m => m.UserId != UserId).Select(m => new { name = m.Name }));
    }

    // What posting did, and when the peers' reflections open under post-first, said once on the page it leads to.
    private async Task<string> PostedStatusAsync(Guid cohortId, Guid promptId, Guid reflectionId, CancellationToken cancellationToken)
    {
        var awaiting = await db.Reflections.AnyAsync(r => r.Id == reflectionId && r.Status == PostStatus.AwaitingApproval, cancellationToken);
        var posted = awaiting
            ? localizer["Your reflection is saved: a moderator publishes it before others can read it."].Value
            : localizer["Your reflection is posted."].Value;
        var gate = (await access.ForPromptAsync(cohortId, promptId, UserId, cancellationToken)).Gate;
        if (!gate.Applies)
        {
            return posted;
        }
        if (gate.IsOpen)
        {
            return $"{posted} {localizer["Your peers' reflections on this prompt are now open to you."].Value}";
        }
        var opens = TimeZoneInfo.ConvertTime(gate.OpensAt!.Value, ReaderTimeZone.Of(User, tenant.Institution)).ToString("g", CultureInfo.CurrentCulture);
        return $"{posted} {localizer["Your peers' reflections on this prompt open to you from {date}, when the editing time of your reflection has passed.", opens].Value}";
    }

    private async Task<IActionResult?> LoadAsync(Guid cohortId, Guid promptId, CancellationToken cancellationToken)
    {
        Access = await access.ForPromptAsync(cohortId, promptId, UserId, cancellationToken);
        switch (Access.Verdict)
        {
            case AccessVerdict.NotFound:
                return NotFound();
            case AccessVerdict.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }
        badge.Know(Access.Unread);
        var proposer = await db.ReflectionPrompts.AsNoTracking()
            .Where(p => p.Id == promptId && p.ProposedById != null)
            .Select(p => new { Name = db.Users.Where(u => u.Id == p.ProposedById).Select(u => u.DisplayName).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        IsProposed = proposer is not null;
        ProposedBy = proposer?.Name;
        var userId = UserId;
        var moderator = Access.Viewer!.IsModerator;
        var query = db.Reflections.AsNoTracking()
            .Where(r => r.CohortId == cohortId && r.PromptId == promptId && (r.Status != PostStatus.Deleted || r.ReplyCount > 0))
            // A reflection awaiting approval is its author's and the moderators' alone.
            .Where(r => r.Status != PostStatus.AwaitingApproval || moderator || r.AuthorId == userId);
        // The gate holds here too: someone held back lists only their own.
        if (!Access.SeesPeers)
        {
            query = query.Where(r => r.AuthorId == userId);
            // Said as a number only: what they wrote stays closed until the gate opens.
            PeersPosted = await db.Reflections.CountAsync(
                r => r.CohortId == cohortId && r.PromptId == promptId && r.AuthorId != userId
                    && (r.Status == PostStatus.Visible || r.Status == PostStatus.HiddenByModerator),
                cancellationToken);
        }
        // Pinned reflections lead, most recently pinned first.
        var pinnedFirst = query.OrderByDescending(r => r.IsPinned).ThenByDescending(r => r.PinnedAt);
        query = Sort == "discussed"
            ? pinnedFirst.ThenByDescending(r => r.ReplyCount).ThenByDescending(r => r.CreatedAt)
            : pinnedFirst.ThenByDescending(r => r.CreatedAt);
        // One row past the page says whether there is a next one, without a count of its own.
        var size = options.Value.ReflectionsPerPage;
        var rows = await query.Skip((PageNumber - 1) * size).Take(size + 1)
            .Select(r => new ReflectionSummary(
                r.Id,
                r.AuthorId,
                db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                r.Status,
                r.Status == PostStatus.Visible || r.Status == PostStatus.AwaitingApproval || (moderator && r.Status == PostStatus.HiddenByModerator) ? r.BodyHtml : string.Empty,
                r.CreatedAt,
                r.ReplyCount,
                r.HelpfulCount,
                r.AuthorId != userId && !db.ThreadVisits.Any(v => v.ReflectionId == r.Id && v.UserId == userId && v.LastSeenSequence >= r.LastEventSequence),
                r.IsPinned,
                db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.PictureVersion).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        HasNextPage = rows.Count > size;
        Reflections = HasNextPage ? rows[..size] : rows;
        return null;
    }

    private Guid UserId => User.RequiredAccountId();

    public sealed class ReflectionInput
    {
        [DataType(DataType.MultilineText)]
        [Display(Name = "Your reflection")]
        public string? Body { get; set; }
    }
}
