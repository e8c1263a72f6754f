using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Courses.Import;
using CoSie.Platform.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CoSie.Platform.Web.Features.Courses;

public sealed class CourseSlugs(PlatformDbContext db, IStringLocalizer<CourseSlugs> localizer)
{
    // "new" and "preview" sit beside /courses/{slug}; a course named like them would be unreachable.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "new", "preview" };

    public async Task<string> ValidateAsync(CourseInput input, Guid? courseId, ModelStateDictionary modelState, string prefix, CancellationToken cancellationToken)
    {
        var slug = string.IsNullOrWhiteSpace(input.Slug) ? Slugs.FromText(input.Title) : input.Slug.Trim();
        if (slug.Length > SlugRules.MaxLength)
        {
            slug = slug[..SlugRules.MaxLength].TrimEnd('-');
        }
        if (SlugRules.Validate(slug) is { } problem)
        {
            modelState.AddModelError($"{prefix}.Slug", localizer.Describe(problem, slug));
        }
        else if (Reserved.Contains(slug))
        {
            modelState.AddModelError($"{prefix}.Slug", localizer["“{slug}” is used by the course pages; choose another slug.", slug]);
        }
        else if (await db.Courses.AnyAsync(c => c.Slug == slug && c.Id != courseId, cancellationToken))
        {
            modelState.AddModelError($"{prefix}.Slug", localizer["Another course already uses “{slug}”.", slug]);
        }
        input.Slug = slug;
        return slug;
    }
}
