using CoSie.Platform.Web.Features.Cohorts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Research;

// The research export of one cohort, for its instructors and the institution's admins: a page that says what the zip
// holds and whose posts are withheld, and a POST that writes it. Without the institution's consent text nobody could
// have consented, so there is nothing to export and the page says why.
[Authorize(Policy = PlatformPolicies.InstitutionMember)]
public sealed class ExportModel(
    PlatformDbContext db, CohortAccess access, ResearchConsents consents, ResearchExporter exporter, ILogger<ExportModel> logger) : PageModel
{
    public Cohort Cohort { get; private set; } = null!;
    public bool Available { get; private set; }
    public int Members { get; private set; }
    public int Consenting { get; private set; }
    public IReadOnlyList<ResearchExport> Previous { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        await LoadAsync(grant.Cohort, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid id, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        if (!ResearchExporter.IsAvailable(await consents.TextAsync(cancellationToken)))
        {
            await LoadAsync(grant.Cohort, cancellationToken);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        // The zip is written to a temporary file that deletes itself when the response has been sent: ZipArchive writes
        // synchronously, which the response stream refuses, and the file keeps a large cohort out of memory.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            var export = await exporter.WriteAsync(grant.Cohort, grant.UserId, file, cancellationToken);
            logger.LogInformation("Research export {ExportId} of cohort {CohortId} by {UserId}: {Reflections} reflections, {Replies} replies",
                export.Id, grant.Cohort.Id, grant.UserId, export.Reflections, export.Replies);
            file.Position = 0;
            Response.Headers.CacheControl = "no-store";
            return File(file, "application/zip", $"research-{grant.Cohort.Id:N}-{export.At.UtcDateTime:yyyyMMdd'T'HHmmss}.zip");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private async Task LoadAsync(Cohort cohort, CancellationToken cancellationToken)
    {
        Cohort = cohort;
        Available = ResearchExporter.IsAvailable(await consents.TextAsync(cancellationToken));
        var cohortId = cohort.Id;
        Members = await db.CohortMembers.CountAsync(m => m.CohortId == cohortId, cancellationToken);
        Consenting = await db.CohortMembers.CountAsync(m => m.CohortId == cohortId && m.ResearchConsent, cancellationToken);
        Previous = await db.ResearchExports.AsNoTracking().Where(e => e.CohortId == cohortId).OrderByDescending(e => e.At).Take(20).ToListAsync(cancellationToken);
    }
}
