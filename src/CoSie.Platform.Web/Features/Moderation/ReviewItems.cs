namespace CoSie.Platform.Web.Features.Moderation;

// What waits for moderators in some cohorts: posts with open flags (oldest flag first) and posts awaiting approval
// (oldest first). Set-based: a handful of queries per page whatever the queue's length.
public sealed class ReviewItems(PlatformDbContext db)
{
    public const int PageSize = 20;

    public async Task<(int Flagged, int Awaiting)> CountsAsync(IReadOnlyCollection<Guid> cohortIds, CancellationToken cancellationToken)
    {
        var flagged = await db.Flags.Where(f => cohortIds.Contains(f.CohortId) && f.ResolvedAt == null).Select(f => f.PostId).Distinct().CountAsync(cancellationToken);
        var awaiting = await db.Reflections.CountAsync(r => cohortIds.Contains(r.CohortId) && r.Status == PostStatus.AwaitingApproval, cancellationToken)
            + await db.Replies.CountAsync(p => p.Status == PostStatus.AwaitingApproval && db.Reflections.Any(r => r.Id == p.ReflectionId && cohortIds.Contains(r.CohortId)), cancellationToken);
        return (flagged, awaiting);
    }

    public async Task<IReadOnlyList<QueueItem>> FlaggedAsync(IReadOnlyCollection<Guid> cohortIds, int page, CancellationToken cancellationToken)
    {
        var ids = await db.Flags.Where(f => cohortIds.Contains(f.CohortId) && f.ResolvedAt == null)
            .GroupBy(f => f.PostId)
            .Select(g => new { PostId = g.Key, First = g.Min(f => f.CreatedAt) })
            .OrderBy(x => x.First).ThenBy(x => x.PostId)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(x => x.PostId)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }
        var flags = await db.Flags.AsNoTracking().Where(f => ids.Contains(f.PostId) && f.ResolvedAt == null).OrderBy(f => f.CreatedAt)
            .Select(f => new QueueFlag(f.PostId, db.Users.Where(u => u.Id == f.FlaggerId).Select(u => u.DisplayName).FirstOrDefault(), f.Reason, f.Note, f.CreatedAt))
            .ToListAsync(cancellationToken);
        var posts = await PostsAsync(ids, cancellationToken);
        var byPost = flags.ToLookup(f => f.PostId);
        return [.. ids.Where(posts.ContainsKey).Select(id => posts[id] with { Flags = [.. byPost[id]] })];
    }

    public async Task<IReadOnlyList<QueueItem>> AwaitingAsync(IReadOnlyCollection<Guid> cohortIds, int page, CancellationToken cancellationToken)
    {
        var reflections = db.Reflections.Where(r => cohortIds.Contains(r.CohortId) && r.Status == PostStatus.AwaitingApproval)
            .Select(r => new { r.Id, r.CreatedAt });
        var replies = db.Replies.Where(p => p.Status == PostStatus.AwaitingApproval && db.Reflections.Any(r => r.Id == p.ReflectionId && cohortIds.Contains(r.CohortId)))
            .Select(p => new { p.Id, p.CreatedAt });
        var ids = await reflections.Concat(replies).OrderBy(x => x.CreatedAt).ThenBy(x => x.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).Select(x => x.Id).ToListAsync(cancellationToken);
        var posts = await PostsAsync(ids, cancellationToken);
        return [.. ids.Where(posts.ContainsKey).Select(id => posts[id])];
    }

    private async Task<Dictionary<Guid, QueueItem>> PostsAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var reflections = await (
            from r in db.Reflections.AsNoTracking()
            where ids.Contains(r.Id)
            join c in db.Cohorts on r.CohortId equals c.Id
            join p in db.ReflectionPrompts on r.PromptId equals p.Id
            select new QueueItem(c.Id, c.Name, r.Id, r.Id, p.Text, db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                r.Status, r.BodyHtml, r.CreatedAt, new List<QueueFlag>()))
            .ToListAsync(cancellationToken);
        var replies = await (
            from x in db.Replies.AsNoTracking()
            where ids.Contains(x.Id)
            join r in db.Reflections on x.ReflectionId equals r.Id
            join c in db.Cohorts on r.CohortId equals c.Id
            join p in db.ReflectionPrompts on r.PromptId equals p.Id
            select new QueueItem(c.Id, c.Name, r.Id, x.Id, p.Text, db.Users.Where(u => u.Id == x.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                x.Status, x.BodyHtml, x.CreatedAt, new List<QueueFlag>()))
            .ToListAsync(cancellationToken);
        return reflections.Concat(replies).ToDictionary(i => i.PostId);
    }
}
