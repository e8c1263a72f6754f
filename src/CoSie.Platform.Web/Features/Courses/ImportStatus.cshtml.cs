using System.Text.Json;
using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Courses.Import;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Courses;

// One import of a course: its progress while the job reads it, then the preview to confirm, or why it failed.
[Authorize(Policy = PlatformPolicies.InstitutionInstructor)]
public sealed class ImportStatusModel(
    CourseAccess access, PlatformDbContext db, ImportModules imports, HtmlContentSanitizer sanitizer, TimeProvider clock, IOptions<ImportHousekeepingOptions> housekeeping)
    : PageModel
{
    // How often the page asks again while the import is read; a meta refresh, so it needs no script.
    public const int RefreshSeconds = 2;

    public Course Course { get; private set; } = null!;
    public CourseImport Import { get; private set; } = null!;
    public ImportPreview? Preview { get; private set; }

    // Queued past Import:Housekeeping:QueuedMinutes: its job was probably never handed over, and TidyCourseImportsJob will
    // mark it failed; the page says so rather than "waiting" for ever.
    public bool WaitedTooLong => Import.Status == CourseImportStatus.Queued && clock.GetUtcNow() - Import.CreatedAt > TimeSpan.FromMinutes(QueuedMinutes);

    public int QueuedMinutes => housekeeping.Value.QueuedMinutes;

    // By page of the preview, the module it updates (null for a new module).
    public IReadOnlyList<ModuleUpdate?> Updates { get; private set; } = [];

    public string CleanBody(ImportPageInput page) => imports.FitsLimits(page.BodyHtml) ? sanitizer.Sanitize(page.BodyHtml) : string.Empty;

    public async Task<IActionResult> OnGetAsync([FromRoute] string course, [FromRoute] Guid import, CancellationToken cancellationToken)
    {
        var found = await access.ManageAsync(course, User, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        Course = found;
        // The tenant filter hides other institutions' imports; the course in the address must be the import's own.
        var row = await db.CourseImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == import && i.CourseId == found.Id, cancellationToken);
        if (row is null)
        {
            return NotFound();
        }
        Import = row;
        if (row.Status == CourseImportStatus.Ready && row.Preview is not null)
        {
            Preview = JsonSerializer.Deserialize<ImportPreview>(row.Preview, RunCourseImport.PreviewJson);
            if (Preview is not null)
            {
                Updates = await imports.FindUpdatesAsync(found, Preview.Pages, slug => Url.Content($"~/courses/{found.Slug}/{slug}"), cancellationToken);
            }
        }
        return Page();
    }
}
