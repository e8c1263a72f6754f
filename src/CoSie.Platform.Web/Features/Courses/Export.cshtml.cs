using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Courses;

// A whole course as a zip of Markdown files, numbered in course order; each imports back as a module.
[Authorize(Policy = PlatformPolicies.InstitutionInstructor)]
public sealed class ExportModel(PlatformDbContext db, CourseAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string course, CancellationToken cancellationToken)
    {
        var found = await access.ManageAsync(course, User, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        var modules = await db.Modules.AsNoTracking().Include(m => m.Prompts.Where(p => p.CohortId == null))
            .Where(m => m.CourseId == found.Id).OrderBy(m => m.Position).ThenBy(m => m.CreatedAt)
            .ToListAsync(cancellationToken);
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < modules.Count; i++)
            {
                var entry = zip.CreateEntry($"{i + 1:00}-{modules[i].Slug}.md", CompressionLevel.Optimal);
                await using var writer = new StreamWriter(await entry.OpenAsync(cancellationToken), new UTF8Encoding(false));
                await writer.WriteAsync(ModuleExport.ToMarkdown(modules[i]));
            }
        }
        buffer.Position = 0;
        return File(buffer, "application/zip", $"{found.Slug}.zip");
    }
}
