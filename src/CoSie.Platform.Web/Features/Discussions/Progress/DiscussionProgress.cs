namespace CoSie.Platform.Web.Features.Discussions.Progress;

// Participation: which prompts someone answered, and how many peers' reflections they replied to. Set-based
// queries, a few per page whatever the size of the cohort.
public sealed class DiscussionProgress(PlatformDbContext db)
{
    // The person's cohorts of a course, with their progress on the given prompts. With visibleOnly, only posts their
    // readers can see count (a grade sent to an LMS: not a post waiting for approval, nor one a moderator hid).
    public async Task<IReadOnlyList<CohortPromptProgress>> ForPersonAsync(Guid courseId, Guid userId, IReadOnlyCollection<Guid> promptIds, CancellationToken cancellationToken,
        bool visibleOnly = false)
    {
        var cohorts = await (
            from m in db.CohortMembers
            where m.UserId == userId
            join c in db.Cohorts on m.CohortId equals c.Id
            where c.CourseId == courseId
            orderby c.StartsOn descending
            select new { c.Id, c.Name, c.ExpectedPeerReplies })
            .ToListAsync(cancellationToken);
        if (cohorts.Count == 0)
        {
            return [];
        }
        var cohortIds = cohorts.Select(c => c.Id).ToList();
        var answered = await db.Reflections
            .Where(r => r.AuthorId == userId && r.Status != PostStatus.Deleted && (!visibleOnly || r.Status == PostStatus.Visible)
                && cohortIds.Contains(r.CohortId) && promptIds.Contains(r.PromptId))
            .Select(r => new { r.CohortId, r.PromptId, r.Id, r.ReplyCount })
            .ToListAsync(cancellationToken);
        var replied = await (
            from reply in db.Replies
            where reply.AuthorId == userId && reply.Status != PostStatus.Deleted && (!visibleOnly || reply.Status == PostStatus.Visible)
            join r in db.Reflections on reply.ReflectionId equals r.Id
            where r.AuthorId != userId && cohortIds.Contains(r.CohortId) && promptIds.Contains(r.PromptId)
            group r.Id by new { r.CohortId, r.PromptId } into g
            select new { g.Key.CohortId, g.Key.PromptId, Peers = g.Distinct().Count() })
            .ToListAsync(cancellationToken);
        return cohorts.Select(c => new CohortPromptProgress(c.Id, c.Name, c.ExpectedPeerReplies, promptIds.ToDictionary(
            p => p,
            p =>
            {
                var own = answered.FirstOrDefault(a => a.CohortId == c.Id && a.PromptId == p);
                return new PromptProgress(own?.Id, replied.FirstOrDefault(r => r.CohortId == c.Id && r.PromptId == p)?.Peers ?? 0, own?.ReplyCount ?? 0);
            }))).ToList();
    }

    // Every learner of a cohort against every prompt of the course's published modules.
    public async Task<CohortProgressTable> TableAsync(Cohort cohort, CancellationToken cancellationToken)
    {
        var prompts = await (
            from p in db.ReflectionPrompts
            join m in db.Modules on p.ModuleId equals m.Id
            where m.CourseId == cohort.CourseId && m.Status == ModuleStatus.Published && (p.CohortId == null || p.CohortId == cohort.Id)
            orderby m.Position, m.CreatedAt, p.Position
            select new ProgressColumn(p.Id, p.Text, m.Title))
            .ToListAsync(cancellationToken);
        var learners = await (
            from m in db.CohortMembers
            where m.CohortId == cohort.Id && m.Role == CohortRole.Learner
            join u in db.Users on m.UserId equals u.Id
            orderby u.DisplayName
            select new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        var answered = await db.Reflections
            .Where(r => r.CohortId == cohort.Id && r.Status != PostStatus.Deleted && r.AuthorId != null)
            .Select(r => new { AuthorId = r.AuthorId!.Value, r.PromptId, r.Id })
            .ToListAsync(cancellationToken);
        var replied = await (
            from reply in db.Replies
            where reply.Status != PostStatus.Deleted && reply.AuthorId != null
            join r in db.Reflections on reply.ReflectionId equals r.Id
            where r.CohortId == cohort.Id && r.AuthorId != reply.AuthorId
            group r.Id by new { AuthorId = reply.AuthorId!.Value, r.PromptId } into g
            select new { g.Key.AuthorId, g.Key.PromptId, Peers = g.Distinct().Count() })
            .ToListAsync(cancellationToken);
        var rows = learners.Select(l => new ProgressRow(
            string.IsNullOrWhiteSpace(l.DisplayName) ? l.Email ?? string.Empty : l.DisplayName,
            prompts.Select(p => new PromptProgress(
                answered.FirstOrDefault(a => a.AuthorId == l.Id && a.PromptId == p.PromptId)?.Id,
                replied.FirstOrDefault(r => r.AuthorId == l.Id && r.PromptId == p.PromptId)?.Peers ?? 0)).ToList())).ToList();
        return new CohortProgressTable(prompts, rows, cohort.ExpectedPeerReplies);
    }
}
