namespace CoSie.Platform.Web.Features.Courses;

// How far a person is through a course in their cohort: prompts answered per module. Null when the person
// is in no cohort of the course (progress means nothing then).
public sealed class CourseProgress(PlatformDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, int>?> AnsweredPromptsByModuleAsync(Guid courseId, Guid userId, CancellationToken cancellationToken)
    {
        var inCohort = await db.CohortMembers.AnyAsync(m => m.UserId == userId && db.Cohorts.Any(c => c.Id == m.CohortId && c.CourseId == courseId), cancellationToken);
        if (!inCohort)
        {
            return null;
        }
        // A prompt counts once, in whichever of the person's cohorts of the course they answered it.
        return await (
            from r in db.Reflections
            where r.AuthorId == userId && r.Status != PostStatus.Deleted && db.Cohorts.Any(c => c.Id == r.CohortId && c.CourseId == courseId)
            join p in db.ReflectionPrompts on r.PromptId equals p.Id
            // Counted against the module's own prompts, as the course page lists them.
            where p.CohortId == null
            select new { p.ModuleId, p.Id })
            .Distinct()
            .GroupBy(x => x.ModuleId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
    }
}
