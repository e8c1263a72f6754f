using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Courses;

[Authorize(Policy = PlatformPolicies.InstitutionInstructor)]
[RequestSizeLimit(Hosting.RequestLimits.ModuleFormBytes)]
public sealed class EditModuleModel(PlatformDbContext db, CourseAccess access, ModuleEditing editing, IStringLocalizer<EditModuleModel> localizer) : PageModel
{
    [BindProperty]
    public ModuleInput Input { get; set; } = new();
    public Course Course { get; private set; } = null!;
    public CourseModule Module { get; private set; } = null!;
    public ModuleFormView Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string course, string module, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(course, module, cancellationToken))
        {
            return NotFound();
        }
        Input = ModuleEditing.ToInput(Module);
        return Show(Module.BodyHtml);
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string course, [FromRoute] string module, string? command, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(course, module, cancellationToken))
        {
            return NotFound();
        }
        if (!await editing.ReadyToSaveAsync(Course.Id, Module.Id, command, Input, ModelState, nameof(Input), cancellationToken))
        {
            return Show(editing.RenderBody(Input.Format, Input.Body));
        }
        editing.Apply(Module, Input);
        Module.Status = command switch
        {
            ModuleFormCommand.Publish => ModuleStatus.Published,
            ModuleFormCommand.Unpublish => ModuleStatus.Draft,
            _ => Module.Status,
        };
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = localizer["Module “{module}” saved.", Module.Title].Value;
        return RedirectToPage("/Courses/Module", new { course = Course.Slug, module = Module.Slug });
    }

    private async Task<bool> LoadAsync(string course, string module, CancellationToken cancellationToken)
    {
        var found = await access.ManageAsync(course, User, cancellationToken);
        if (found is null)
        {
            return false;
        }
        var moduleFound = await db.Modules.Include(m => m.Prompts.Where(p => p.CohortId == null)).SingleOrDefaultAsync(m => m.CourseId == found.Id && m.Slug == module, cancellationToken);
        if (moduleFound is null)
        {
            return false;
        }
        (Course, Module) = (found, moduleFound);
        return true;
    }

    private PageResult Show(string previewHtml)
    {
        Form = new ModuleFormView(Input, previewHtml, Url.Content("~/courses/preview"), Url.Content($"~/courses/{Course.Slug}/{Module.Slug}"), Module.IsPublished);
        return Page();
    }
}
