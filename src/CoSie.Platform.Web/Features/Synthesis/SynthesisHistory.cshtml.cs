using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Synthesis;

// The synthesis over time: its revisions (the text as it stood, one per SynthesisRules.RevisionEvery of work) and the
// latest changes with who made them, for the same people as the synthesis itself. The cohort's instructors hide and
// restore a single revision here: learners then see that it was hidden, without its text or the names in it.
[Authorize]
public sealed class SynthesisHistoryModel(PlatformDbContext db, SynthesisAccess access, SynthesisDocuments documents, IStringLocalizer<SynthesisModel> localizer) : PageModel
{
    public const int Shown = 50;

    public SynthesisPlace Place { get; private set; } = null!;
    public string? Error { get; private set; }
    public Guid? ErrorFor { get; private set; }
    public IReadOnlyList<Revision> Revisions { get; private set; } = [];
    public IReadOnlyList<Change> Changes { get; private set; } = [];

    public string SectionTitle(string section) => SynthesisSections.Title(localizer, section);

    public string PageUrl => Url.Content($"~/cohorts/{Place.Cohort.Id}/modules/{Place.Module.Id}/synthesis/history");

    public string Handler(string name) => $"{PageUrl}?handler={name}";

    public async Task<IActionResult> OnGetAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, CancellationToken cancellationToken) =>
        await LoadAsync(cohortId, moduleId, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostHideRevisionAsync(
        [FromRoute] Guid cohortId, [FromRoute] Guid moduleId, [FromForm] Guid revisionId, [FromForm] string? reason, CancellationToken cancellationToken) =>
        ModerateAsync(cohortId, moduleId, revisionId, true, reason, cancellationToken);

    public Task<IActionResult> OnPostRestoreRevisionAsync(
        [FromRoute] Guid cohortId, [FromRoute] Guid moduleId, [FromForm] Guid revisionId, [FromForm] string? reason, CancellationToken cancellationToken) =>
        ModerateAsync(cohortId, moduleId, revisionId, false, reason, cancellationToken);

    private async Task<IActionResult> ModerateAsync(Guid cohortId, Guid moduleId, Guid revisionId, bool hidden, string? reason, CancellationToken cancellationToken)
    {
        var (place, refusal) = await access.ForAsync(cohortId, moduleId, User, cancellationToken);
        if (place is null)
        {
            return refusal!;
        }
        if (!place.CanManage)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        // Moderation acts on a synthesis that exists; it never makes one.
        if (await documents.FindAsync(place, cancellationToken) is not { } synthesis)
        {
            return NotFound();
        }
        var result = await documents.SetRevisionHiddenAsync(place, synthesis.Id, revisionId, hidden, reason, cancellationToken);
        switch (result.Outcome)
        {
            case SynthesisOutcome.Done or SynthesisOutcome.Unchanged:
                TempData["Status"] = (hidden ? localizer["The revision is hidden from learners."] : localizer["The revision is shown again."]).Value;
                return Redirect(Url.Content($"~/cohorts/{cohortId}/modules/{moduleId}/synthesis/history#revision-{revisionId}"));
            case SynthesisOutcome.NotFound:
                return NotFound();
            case SynthesisOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (await LoadAsync(cohortId, moduleId, cancellationToken) is { } again)
        {
            return again;
        }
        Error = SynthesisRefusals.Message(localizer, result.Reason);
        ErrorFor = revisionId;
        Response.StatusCode = result.Outcome == SynthesisOutcome.Closed ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid cohortId, Guid moduleId, CancellationToken cancellationToken)
    {
        var (place, refusal) = await access.ForAsync(cohortId, moduleId, User, cancellationToken);
        if (place is null)
        {
            return refusal!;
        }
        Place = place;
        // Reading the history never makes a synthesis: without one the page shows its empty state.
        if (await documents.FindAsync(place, cancellationToken) is not { } synthesis)
        {
            return null;
        }
        if (synthesis.IsHidden && !place.CanManage)
        {
            return NotFound();
        }
        var rows = await db.SynthesisRevisions.AsNoTracking()
            .Where(r => r.SynthesisId == synthesis.Id).OrderByDescending(r => r.At).Take(Shown)
            .Select(r => new { r.Id, r.StartedAt, r.At, r.EditCount, r.IsHidden, r.Texts })
            .ToListAsync(cancellationToken);
        // A hidden revision's text never reaches a learner's page.
        Revisions = rows.Select(r => new Revision(
            r.Id, r.StartedAt, r.At, r.EditCount, r.IsHidden,
            r.IsHidden && !place.CanManage ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(r.Texts) ?? [])).ToList();
        var manages = place.CanManage;
        Changes = await db.SynthesisEdits.AsNoTracking()
            .Where(e => e.SynthesisId == synthesis.Id).OrderByDescending(e => e.Id).Take(Shown)
            .Select(e => new
            {
                Name = db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault(),
                e.At,
                e.Sections,
                e.Bytes,
                e.Kind,
                Hidden = db.SynthesisRevisions.Any(r => r.SynthesisId == e.SynthesisId && r.IsHidden && r.StartedAt <= e.At && e.At <= r.At),
            })
            .Where(e => manages || !e.Hidden)
            .Select(e => new Change(e.Name, e.At, e.Sections, e.Bytes, e.Kind, e.Hidden))
            .ToListAsync(cancellationToken);
        return null;
    }

    public sealed record Revision(Guid Id, DateTimeOffset StartedAt, DateTimeOffset At, int EditCount, bool IsHidden, Dictionary<string, string> Texts);

    public sealed record Change(string? Name, DateTimeOffset At, string Sections, int Bytes, SynthesisEditKind Kind, bool Hidden);
}
