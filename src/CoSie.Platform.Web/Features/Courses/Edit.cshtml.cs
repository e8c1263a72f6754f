using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Courses;

[Authorize(Policy = PlatformPolicies.InstitutionInstructor)]
public sealed class EditModel(PlatformDbContext db, CourseAccess access, CourseSlugs slugs, TimeProvider clock, IStringLocalizer<EditModel> localizer) : PageModel
{
    [BindProperty]
    public CourseInput Input { get; set; } = new();
    public string CurrentSlug { get; private set; } = string.Empty;
    public string CurrentTitle { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var course = await access.ManageAsync(slug, User, cancellationToken);
        if (course is null)
        {
            return NotFound();
        }
        (CurrentSlug, CurrentTitle) = (course.Slug, course.Title);
        Input = new CourseInput { Title = course.Title, Slug = course.Slug, Summary = course.Summary, Visibility = course.Visibility };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string slug, CancellationToken cancellationToken)
    {
        var course = await access.ManageAsync(slug, User, cancellationToken);
        if (course is null)
        {
            return NotFound();
        }
        (CurrentSlug, CurrentTitle) = (course.Slug, course.Title);
        var newSlug = await slugs.ValidateAsync(Input, course.Id, ModelState, nameof(Input), cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        course.Slug = newSlug;
        course.Title = Input.Title.Trim();
        course.Summary = Input.Summary?.Trim() ?? string.Empty;
        course.Visibility = Input.Visibility;
        course.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = localizer["Course settings saved."].Value;
        return RedirectToPage("/Courses/Course", new { slug = course.Slug });
    }
}
