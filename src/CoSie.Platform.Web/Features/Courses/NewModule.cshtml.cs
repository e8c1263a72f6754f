using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Courses;

[Authorize(Policy = PlatformPolicies.InstitutionInstructor)]
[RequestSizeLimit(Hosting.RequestLimits.ModuleFormBytes)]
public sealed class NewModuleModel(PlatformDbContext db, CourseAccess access, ModuleEditing editing, IStringLocalizer<NewModuleModel> localizer) : PageModel
{
    [BindProperty]
    public ModuleInput Input { get; set; } = new();
    public Course Course { get; private set; } = null!;
    public ModuleFormView Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string course, CancellationToken cancellationToken)
    {
        var found = await access.ManageAsync(course, User, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        Course = found;
        Input.Prompts.Add(new ModuleInput.PromptInput());
        return Show(string.Empty);
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string course, string? command, CancellationToken cancellationToken)
    {
        var found = await access.ManageAsync(course, User, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        Course = found;
        if (!await editing.ReadyToSaveAsync(found.Id, null, command, Input, ModelState, nameof(Input), cancellationToken))
        {
            return Show(editing.RenderBody(Input.Format, Input.Body));
        }
        var position = await db.Modules.Where(m => m.CourseId == found.Id).Select(m => (int?)m.Position).MaxAsync(cancellationToken) ?? -1;
        var module = new CourseModule
        {
            CourseId = found.Id,
            Title = Input.Title,
            Slug = Input.Slug!,
            Position = position + 1,
            Status = command == ModuleFormCommand.Publish ? ModuleStatus.Published : ModuleStatus.Draft,
        };
        editing.Apply(module, Input);
        db.Modules.Add(module);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = module.IsPublished
            ? localizer["Module “{module}” published.", module.Title].Value
            : localizer["Module “{module}” saved as a draft.", module.Title].Value;
        return RedirectToPage("/Courses/Module", new { course = found.Slug, module = module.Slug });
    }

    private PageResult Show(string previewHtml)
    {
        Form = new ModuleFormView(Input, previewHtml, Url.Content("~/courses/preview"), Url.Content($"~/courses/{Course.Slug}"), IsPublished: false);
        return Page();
    }
}
