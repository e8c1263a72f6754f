using CoSie.Platform.Web.Features.Cohorts;
using CoSie.Platform.Web.Features.Discussions;

namespace CoSie.Platform.Web.Features.NextSteps;

// "What next" for one person across their running cohorts in this institution: a fixed number of set-based queries
// whatever the number of cohorts, prompts or posts. Each cohort keeps its own rules (post-first, its instructors'
// view); nothing here shows a post's text, only where to go.
public sealed class WhatNext(PlatformDbContext db, CohortCalendar calendar, TimeProvider clock)
{
    public const int PromptsPerCohort = 5;
    public const int UnansweredPerCohort = 3;

    public async Task<IReadOnlyList<CohortSteps>> ForAsync(Guid userId, Guid? onlyCohortId, CancellationToken cancellationToken)
    {
        var seats = await (
            from m in db.CohortMembers.AsNoTracking()
            where m.UserId == userId && (onlyCohortId == null || m.CohortId == onlyCohortId)
            join c in db.Cohorts on m.CohortId equals c.Id
            join course in db.Courses on c.CourseId equals course.Id
            orderby c.StartsOn descending, c.Name
            select new { Cohort = c, course.Slug, course.Title, m.Role })
            .ToListAsync(cancellationToken);
        seats = [.. seats.Where(s => !calendar.HasEnded(s.Cohort))];
        if (seats.Count == 0)
        {
            return [];
        }

        var cohortIds = seats.Select(s => s.Cohort.Id).ToList();
        var courseIds = seats.Select(s => s.Cohort.CourseId).Distinct().ToList();
        var prompts = await (
            from p in db.ReflectionPrompts
            join m in db.Modules on p.ModuleId equals m.Id
            where courseIds.Contains(m.CourseId) && m.Status == ModuleStatus.Published
                && (p.CohortId == null || cohortIds.Contains(p.CohortId.Value))
            orderby m.Position, m.CreatedAt, p.Position
            select new { p.Id, p.Text, p.CohortId, m.CourseId, ModuleTitle = m.Title })
            .ToListAsync(cancellationToken);
        var own = await db.Reflections
            .Where(r => r.AuthorId == userId && cohortIds.Contains(r.CohortId) && r.Status != PostStatus.Deleted)
            .Select(r => new { r.CohortId, r.PromptId, r.CreatedAt })
            .ToListAsync(cancellationToken);
        var peersPosted = await db.Reflections
            .Where(r => cohortIds.Contains(r.CohortId) && r.AuthorId != userId && r.Status == PostStatus.Visible)
            .GroupBy(r => new { r.CohortId, r.PromptId })
            .Select(g => new { g.Key.CohortId, g.Key.PromptId, Count = g.Count() })
            .ToDictionaryAsync(g => (g.CohortId, g.PromptId), g => g.Count, cancellationToken);
        var unread = await db.Notifications
            .Where(n => n.UserId == userId && n.ReadAt == null && cohortIds.Contains(n.CohortId))
            .GroupBy(n => n.CohortId)
            .Select(g => new { CohortId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CohortId, g => g.Count, cancellationToken);

        var taught = seats.Where(s => s.Role == CohortRole.Instructor).Select(s => s.Cohort.Id).ToList();
        var instructor = taught.Count == 0 ? [] : await InstructorStepsAsync(userId, taught, cancellationToken);

        var now = clock.GetUtcNow();
        var ownByPrompt = own.GroupBy(r => (r.CohortId, r.PromptId)).ToDictionary(g => g.Key, g => g.Min(r => r.CreatedAt));
        var steps = new List<CohortSteps>(seats.Count);
        foreach (var seat in seats)
        {
            var cohort = seat.Cohort;
            var coursePrompts = prompts.Where(p => p.CourseId == cohort.CourseId && (p.CohortId == null || p.CohortId == cohort.Id)).ToList();
            var toAnswer = new List<PromptStep>();
            var opening = new List<OpeningStep>();
            if (seat.Role == CohortRole.Learner)
            {
                foreach (var prompt in coursePrompts)
                {
                    if (!ownByPrompt.TryGetValue((cohort.Id, prompt.Id), out var postedAt))
                    {
                        toAnswer.Add(new PromptStep(prompt.Id, prompt.Text, prompt.ModuleTitle, peersPosted.GetValueOrDefault((cohort.Id, prompt.Id))));
                        continue;
                    }
                    var gate = PostFirstGate.For(cohort.PostFirst, postedAt, cohort.RevealOnPost, cohort.EditWindow, now);
                    if (!gate.IsOpen && gate.OpensAt is { } opensAt)
                    {
                        opening.Add(new OpeningStep(prompt.Id, prompt.Text, opensAt));
                    }
                }
            }
            steps.Add(new CohortSteps(
                cohort.Id, cohort.Name, seat.Slug, seat.Title, seat.Role,
                [.. toAnswer.Take(PromptsPerCohort)], Math.Max(0, toAnswer.Count - PromptsPerCohort),
                [.. opening.OrderBy(o => o.OpensAt)],
                unread.GetValueOrDefault(cohort.Id),
                instructor.GetValueOrDefault(cohort.Id)));
        }
        return steps;
    }

    private async Task<Dictionary<Guid, InstructorSteps>> InstructorStepsAsync(Guid userId, List<Guid> cohortIds, CancellationToken cancellationToken)
    {
        var flagged = await db.Flags
            .Where(f => cohortIds.Contains(f.CohortId) && f.ResolvedAt == null)
            .GroupBy(f => f.CohortId)
            .Select(g => new { CohortId = g.Key, Count = g.Select(f => f.PostId).Distinct().Count() })
            .ToDictionaryAsync(g => g.CohortId, g => g.Count, cancellationToken);
        var awaitingReflections = db.Reflections
            .Where(r => cohortIds.Contains(r.CohortId) && r.Status == PostStatus.AwaitingApproval)
            .Select(r => r.CohortId);
        var awaitingReplies =
            from p in db.Replies
            where p.Status == PostStatus.AwaitingApproval
            join r in db.Reflections on p.ReflectionId equals r.Id
            where cohortIds.Contains(r.CohortId)
            select r.CohortId;
        var awaiting = await awaitingReflections.Concat(awaitingReplies)
            .GroupBy(c => c)
            .Select(g => new { CohortId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CohortId, g => g.Count, cancellationToken);

        // A reflection waits for an answer while it stands and nobody has replied; the instructor's own do not count.
        var unanswered = db.Reflections.Where(r =>
            cohortIds.Contains(r.CohortId) && r.Status == PostStatus.Visible && r.ReplyCount == 0 && r.AuthorId != userId);
        var unansweredCounts = await unanswered
            .GroupBy(r => r.CohortId)
            .Select(g => new { CohortId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CohortId, g => g.Count, cancellationToken);
        var oldest = await db.Cohorts
            .Where(c => cohortIds.Contains(c.Id))
            .SelectMany(c => unanswered.Where(r => r.CohortId == c.Id).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(UnansweredPerCohort))
            .Join(db.ReflectionPrompts, r => r.PromptId, p => p.Id, (r, p) => new
            {
                r.CohortId,
                Item = new UnansweredReflection(r.Id, db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefault(), p.Text, r.CreatedAt),
            })
            .ToListAsync(cancellationToken);

        var notStarted = await db.CohortMembers
            .Where(m => cohortIds.Contains(m.CohortId) && m.Role == CohortRole.Learner
                && !db.Reflections.Any(r => r.CohortId == m.CohortId && r.AuthorId == m.UserId && r.Status != PostStatus.Deleted))
            .GroupBy(m => m.CohortId)
            .Select(g => new { CohortId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CohortId, g => g.Count, cancellationToken);

        var oldestByCohort = oldest.ToLookup(o => o.CohortId, o => o.Item);
        return cohortIds.ToDictionary(id => id, id => new InstructorSteps(
            flagged.GetValueOrDefault(id), awaiting.GetValueOrDefault(id), unansweredCounts.GetValueOrDefault(id),
            [.. oldestByCohort[id].OrderBy(i => i.PostedAt)], notStarted.GetValueOrDefault(id)));
    }
}
