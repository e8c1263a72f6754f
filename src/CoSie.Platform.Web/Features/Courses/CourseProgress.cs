using CoSie.Platform.Web.Data;

namespace CoSie.Platform.Web.Features.Courses;

// How far a person is through a course in their cohort: prompts answered per module. Null when the person
// is in no cohort of the course (progress means nothing then).
public sealed class CourseProgress(PlatformDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, int>?> AnsweredPromptsByModuleAsync(Guid courseId, Guid userId, CancellationToken cancellationToken)
    {
        var inCohort = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.CohortMembers, m => m.UserId == userId && db.Cohorts.Any(c => c.Id == m.CohortId && c.CourseId == courseId), cancellationToken);
        if (!inCohort)
        {
            return null;
        }
        // REVIEW: reflections arrive with discussions; until then nobody has answered anything.
        return new Dictionary<Guid, int>();
    }
}
