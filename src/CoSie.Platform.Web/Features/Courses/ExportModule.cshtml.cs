using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Courses;

[Authorize(Policy = PlatformPolicies.InstitutionInstructor)]
public sealed class ExportModuleModel(PlatformDbContext db, CourseAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string course, string module, CancellationToken cancellationToken)
    {
        var found = await access.ManageAsync(course, User, cancellationToken);
        var moduleFound = found is null ? null
            : await db.Modules.AsNoTracking().Include(m => m.Prompts.Where(p => p.CohortId == null)).SingleOrDefaultAsync(m => m.CourseId == found.Id && m.Slug == module, cancellationToken);
        if (moduleFound is null)
        {
            return NotFound();
        }
        return File(Encoding.UTF8.GetBytes(ModuleExport.ToMarkdown(moduleFound)), "text/markdown; charset=utf-8", $"{moduleFound.Slug}.md");
    }
}
