using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Courses;

[Authorize(Policy = PlatformPolicies.InstitutionInstructor)]
public sealed class DeleteModuleModel(PlatformDbContext db, CourseAccess access, IStringLocalizer<DeleteModuleModel> localizer) : PageModel
{
    public Course Course { get; private set; } = null!;
    public CourseModule Module { get; private set; } = null!;

    [BindProperty]
    public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(string course, string module, CancellationToken cancellationToken) =>
        await LoadAsync(course, module, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] string course, [FromRoute] string module, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(course, module, cancellationToken))
        {
            return NotFound();
        }
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), localizer["Tick the box to confirm the deletion."].Value);
            return Page();
        }
        db.Modules.Remove(Module);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = localizer["Module “{module}” deleted.", Module.Title].Value;
        return RedirectToPage("/Courses/Course", new { slug = Course.Slug });
    }

    private async Task<bool> LoadAsync(string course, string module, CancellationToken cancellationToken)
    {
        var found = await access.ManageAsync(course, User, cancellationToken);
        var moduleFound = found is null ? null
            : await db.Modules.Include(m => m.Prompts).SingleOrDefaultAsync(m => m.CourseId == found.Id && m.Slug == module, cancellationToken);
        if (found is null || moduleFound is null)
        {
            return false;
        }
        (Course, Module) = (found, moduleFound);
        return true;
    }
}
