using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Synthesis;

// The synthesis over time: its revisions (the text as it stood, one per SynthesisRules.RevisionEvery of work) and the
// latest changes with who made them, for the same people as the synthesis itself.
[Authorize]
public sealed class SynthesisHistoryModel(PlatformDbContext db, SynthesisAccess access, SynthesisDocuments documents, IStringLocalizer<SynthesisModel> localizer) : PageModel
{
    public const int Shown = 50;

    public SynthesisPlace Place { get; private set; } = null!;
    public IReadOnlyList<Revision> Revisions { get; private set; } = [];
    public IReadOnlyList<Change> Changes { get; private set; } = [];

    public string SectionTitle(string section) => SynthesisSections.Title(localizer, section);

    public async Task<IActionResult> OnGetAsync([FromRoute] Guid cohortId, [FromRoute] Guid moduleId, CancellationToken cancellationToken)
    {
        var (place, refusal) = await access.ForAsync(cohortId, moduleId, User, cancellationToken);
        if (place is null)
        {
            return refusal!;
        }
        Place = place;
        var synthesis = await documents.GetOrCreateAsync(place, cancellationToken);
        if (synthesis.IsHidden && !place.CanManage)
        {
            return NotFound();
        }
        var rows = await db.SynthesisRevisions.AsNoTracking()
            .Where(r => r.SynthesisId == synthesis.Id).OrderByDescending(r => r.At).Take(Shown)
            .Select(r => new { r.StartedAt, r.At, r.EditCount, r.Texts })
            .ToListAsync(cancellationToken);
        Revisions = rows.Select(r => new Revision(r.StartedAt, r.At, r.EditCount, JsonSerializer.Deserialize<Dictionary<string, string>>(r.Texts) ?? [])).ToList();
        Changes = await db.SynthesisEdits.AsNoTracking()
            .Where(e => e.SynthesisId == synthesis.Id).OrderByDescending(e => e.Id).Take(Shown)
            .Select(e => new Change(db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault(), e.At, e.Sections, e.Bytes, e.Kind))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record Revision(DateTimeOffset StartedAt, DateTimeOffset At, int EditCount, Dictionary<string, string> Texts);

    public sealed record Change(string? Name, DateTimeOffset At, string Sections, int Bytes, SynthesisEditKind Kind);
}
