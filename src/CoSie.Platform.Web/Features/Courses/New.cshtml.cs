using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Courses;

[Authorize(Policy = PlatformPolicies.InstitutionInstructor)]
public sealed class NewModel(PlatformDbContext db, CourseSlugs slugs, TimeProvider clock, IStringLocalizer<NewModel> localizer) : PageModel
{
    [BindProperty]
    public CourseInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var slug = await slugs.ValidateAsync(Input, null, ModelState, nameof(Input), cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow();
        var course = new Course
        {
            Slug = slug,
            Title = Input.Title.Trim(),
            Summary = Input.Summary?.Trim() ?? string.Empty,
            Visibility = Input.Visibility,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Courses.Add(course);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = localizer["Course “{course}” created. Add modules by writing them or importing pages.", course.Title].Value;
        return RedirectToPage("/Courses/Course", new { slug = course.Slug });
    }
}
