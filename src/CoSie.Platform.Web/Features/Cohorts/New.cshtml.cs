using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoSie.Platform.Web.Features.Cohorts;

[Authorize(Policy = PlatformPolicies.InstitutionInstructor)]
public sealed class NewModel(
    PlatformDbContext db, CurrentMembership membership, CohortCalendar calendar, TimeProvider clock, IStringLocalizer<NewModel> localizer)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Courses { get; private set; } = [];

    public async Task OnGetAsync(Guid? course, CancellationToken cancellationToken)
    {
        Input.CourseId = course;
        Input.StartsOn = calendar.Today;
        await LoadCoursesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.EndsBeforeStart)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.EndsOn)}", localizer["The end date cannot be before the start date."]);
        }
        var course = Input.CourseId is { } courseId
            ? await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken)
            : null;
        if (Input.CourseId is not null && course is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.CourseId)}", localizer["Choose one of this institution's courses."]);
        }
        if (!ModelState.IsValid || course is null)
        {
            await LoadCoursesAsync(cancellationToken);
            return Page();
        }

        var creator = await membership.GetAsync(User, cancellationToken)
            ?? throw new InvalidOperationException("The InstitutionInstructor policy admitted someone without a membership.");
        var now = clock.GetUtcNow();
        var cohort = new Cohort { Name = Input.Name, CourseId = course.Id, CreatedAt = now };
        Input.ApplyTo(cohort);
        // Whoever creates a cohort runs it, so they can invite people and moderate from the first minute.
        cohort.Members.Add(new CohortMember { UserId = creator.UserId, Role = CohortRole.Instructor, JoinedAt = now });
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync(cancellationToken);

        TempData["Status"] = localizer["Cohort “{cohort}” created. Invite people with its link or a roster.", cohort.Name].Value;
        return RedirectToPage("Overview", new { id = cohort.Id });
    }

    private async Task LoadCoursesAsync(CancellationToken cancellationToken)
    {
        var courses = await db.Courses.AsNoTracking().OrderBy(c => c.Title).Select(c => new { c.Id, c.Title }).ToListAsync(cancellationToken);
        Courses = [.. courses.Select(c => new SelectListItem(c.Title, c.Id.ToString(), c.Id == Input.CourseId))];
    }

    public sealed class InputModel : CohortSettingsInput
    {
        [Required(ErrorMessage = "Choose a course.")]
        [Display(Name = "Course")]
        public Guid? CourseId { get; set; }
    }
}
