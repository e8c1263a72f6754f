using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Synthesis;

// A module's synthesis in one cohort. Without JavaScript each section is a form whose text the server merges as a
// change (SynthesisDocuments.EditSectionAsync); with it, wwwroot/js/synthesis edits the same document live. The cohort's
// instructors close, hide and restore it. Closed syntheses of earlier cohorts that agreed to share show after one's own
// reflection on the module (post-first).
[Authorize]
public sealed class SynthesisModel(
    PlatformDbContext db, SynthesisAccess access, SynthesisDocuments documents, YjsRuntime yjs, IStringLocalizer<SynthesisModel> localizer) : PageModel
{
    public SynthesisPlace Place { get; private set; } = null!;
    public CohortSynthesis Synthesis { get; private set; } = null!;
    public YjsReading Reading { get; private set; } = null!;

    // Client id -> name, for the attribution of paragraphs.
    public IReadOnlyDictionary<string, string> Authors { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<EarlierSynthesis> Earlier { get; private set; } = [];
    public bool EarlierHeldBack { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorSection { get; private set; }

    [BindProperty]
    public SynthesisInput Input { get; set; } = new();

    public string PageUrl => Url.Content($"~/cohorts/{Place.Cohort.Id}/modules/{Place.Module.Id}/synthesis");

    public string Handler(string name) => $"{PageUrl}?handler={name}";

    public bool Readable => !Synthesis.IsHidden || Place.CanManage;

    public bool Editable => Readable && Place.CanWrite && !Synthesis.IsClosed;

    // "Quote in the synthesis" on a thread's post opens this page with the post filled in (?quote=post id).
    public async Task<IActionResult> OnGetAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, [FromQuery] Guid? quote, CancellationToken cancellationToken)
    {
        if (quote is { } post)
        {
            Input.Post = post.ToString();
        }
        return await LoadAsync(cohortId, moduleId, cancellationToken) ?? Page();
    }

    public Task<IActionResult> OnPostEditAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, CancellationToken cancellationToken) =>
        RunAsync(cohortId, moduleId, Input.Section, (place, id) => documents.EditSectionAsync(place, id, Input.Section, Input.Text, Input.Snapshot, cancellationToken),
            localizer["Your changes are saved and merged with the others'."], cancellationToken);

    public Task<IActionResult> OnPostQuoteAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, CancellationToken cancellationToken) =>
        RunAsync(cohortId, moduleId, "quote", (place, id) => documents.QuoteAsync(place, id, Input.Section, Input.Post, Request.PathBase.Value ?? string.Empty, cancellationToken),
            localizer["The post is quoted in the synthesis."], cancellationToken);

    public Task<IActionResult> OnPostCloseAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, CancellationToken cancellationToken) =>
        RunAsync(cohortId, moduleId, "close", (place, id) => documents.CloseAsync(place, id, Input.Confirm, Input.Share, cancellationToken),
            localizer["The synthesis is closed and can no longer be changed."], cancellationToken);

    public Task<IActionResult> OnPostHideAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, CancellationToken cancellationToken) =>
        RunAsync(cohortId, moduleId, "moderation", (place, id) => documents.SetHiddenAsync(place, id, true, Input.Reason, cancellationToken),
            localizer["The synthesis is hidden from learners."], cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, CancellationToken cancellationToken) =>
        RunAsync(cohortId, moduleId, "moderation", (place, id) => documents.SetHiddenAsync(place, id, false, Input.Reason, cancellationToken),
            localizer["The synthesis is shown again."], cancellationToken);

    public string SectionTitle(string section) => SynthesisSections.Title(localizer, section);

    private async Task<IActionResult> RunAsync(
        Guid cohortId, Guid moduleId, string? where, Func<SynthesisPlace, Guid, Task<SynthesisResult>> run, LocalizedString done, CancellationToken cancellationToken)
    {
        var (place, refusal) = await access.ForAsync(cohortId, moduleId, User, cancellationToken);
        if (place is null)
        {
            return refusal!;
        }
        var synthesis = await documents.GetOrCreateAsync(place, cancellationToken);
        if (synthesis.IsHidden && !place.CanManage)
        {
            return NotFound();
        }
        var result = await run(place, synthesis.Id);
        switch (result.Outcome)
        {
            case SynthesisOutcome.Done or SynthesisOutcome.Unchanged:
                TempData["Status"] = done.Value;
                return Redirect(Url.Content($"~/cohorts/{cohortId}/modules/{moduleId}/synthesis") + (SynthesisSections.IsKnown(where) ? $"#section-{where}" : string.Empty));
            case SynthesisOutcome.NotFound:
                return NotFound();
            case SynthesisOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (await LoadAsync(cohortId, moduleId, cancellationToken) is { } again)
        {
            return again;
        }
        Error = Message(result.Reason);
        ErrorSection = where;
        Response.StatusCode = result.Outcome == SynthesisOutcome.Closed ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private string Message(string? reason) => SynthesisRefusals.Message(localizer, reason);

    private async Task<IActionResult?> LoadAsync(Guid cohortId, Guid moduleId, CancellationToken cancellationToken)
    {
        var (place, refusal) = await access.ForAsync(cohortId, moduleId, User, cancellationToken);
        if (place is null)
        {
            return refusal;
        }
        Place = place;
        Synthesis = await documents.GetOrCreateAsync(place, cancellationToken);
        Reading = yjs.Read(Synthesis.State);
        var synthesisId = Synthesis.Id;
        Authors = await db.SynthesisClients.AsNoTracking()
            .Where(c => c.SynthesisId == synthesisId)
            .Select(c => new { c.ClientId, Name = db.Users.Where(u => u.Id == c.UserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToDictionaryAsync(c => c.ClientId.ToString(CultureInfo.InvariantCulture), c => c.Name ?? localizer["deleted user"].Value, cancellationToken);
        // Post-first: what earlier cohorts concluded shows once the person has reflected on a prompt of this module here.
        var userId = place.UserId;
        var posted = place.CanManage || await db.Reflections.AnyAsync(
            r => r.CohortId == cohortId && r.AuthorId == userId && r.Status != PostStatus.Deleted && db.ReflectionPrompts.Any(p => p.Id == r.PromptId && p.ModuleId == moduleId),
            cancellationToken);
        var earlier = db.CohortSyntheses.AsNoTracking()
            .Where(s => s.ModuleId == moduleId && s.CohortId != cohortId && s.ClosedAt != null && s.SharedWithLaterCohorts && !s.IsHidden);
        if (posted)
        {
            var rows = await earlier.OrderByDescending(s => s.ClosedAt).Take(5)
                .Select(s => new { CohortName = db.Cohorts.Where(c => c.Id == s.CohortId).Select(c => c.Name).FirstOrDefault(), s.ClosedAt, s.Texts })
                .ToListAsync(cancellationToken);
            Earlier = rows.Select(r => new EarlierSynthesis(r.CohortName ?? string.Empty, r.ClosedAt!.Value, JsonSerializer.Deserialize<Dictionary<string, string>>(r.Texts) ?? [])).ToList();
        }
        else
        {
            EarlierHeldBack = await earlier.AnyAsync(cancellationToken);
        }
        return null;
    }

    public sealed record EarlierSynthesis(string CohortName, DateTimeOffset ClosedAt, Dictionary<string, string> Texts);

    public sealed class SynthesisInput
    {
        public string? Section { get; set; }

        // A section's text keeps its line breaks: they separate its paragraphs.
        [DataType(DataType.MultilineText)]
        public string? Text { get; set; }
        public string? Snapshot { get; set; }
        public string? Post { get; set; }
        public bool Confirm { get; set; }
        public bool Share { get; set; }
        public string? Reason { get; set; }
    }
}
