using CoSie.Platform.Web.Features.Courses.Import;
using CoSie.Platform.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoSie.Platform.Web.Features.Courses;

public sealed class CourseSlugs(PlatformDbContext db, IStringLocalizer<CourseSlugs> localizer)
{
    public async Task<string> ValidateAsync(CourseInput input, Guid? courseId, ModelStateDictionary modelState, string prefix, CancellationToken cancellationToken)
    {
        var slug = Slugs.Choose(Slugs.Course, input.Slug, input.Title);
        if (Slugs.Problem(Slugs.Course, slug) is { } problem)
        {
            modelState.AddModelError($"{prefix}.Slug", localizer.Describe(problem, Slugs.Course, slug));
        }
        else if (await db.Courses.AnyAsync(c => c.Slug == slug && c.Id != courseId, cancellationToken))
        {
            modelState.AddModelError($"{prefix}.Slug", localizer["Another course already uses “{slug}”.", slug]);
        }
        input.Slug = slug;
        return slug;
    }
}
