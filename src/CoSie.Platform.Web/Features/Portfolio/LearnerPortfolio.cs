namespace CoSie.Platform.Web.Features.Portfolio;

// What one member wrote in one cohort, with what it answered and what others answered them, ready to be written as a
// file. Runs inside the cohort's institution. Other members are named only where they have given research consent for
// the cohort (their agreement that their posts may be seen outside it); otherwise they are "another member".
public sealed class LearnerPortfolio(PlatformDbContext db)
{
    public async Task<PortfolioDocument?> LoadAsync(Guid cohortId, Guid userId, CancellationToken cancellationToken)
    {
        var header = await (from m in db.CohortMembers
                            where m.CohortId == cohortId && m.UserId == userId
                            join c in db.Cohorts on m.CohortId equals c.Id
                            join course in db.Courses on c.CourseId equals course.Id
                            join u in db.Users on m.UserId equals u.Id
                            select new { c.Name, CourseTitle = course.Title, u.DisplayName })
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return null;
        }
        var named = await (from m in db.CohortMembers
                           where m.CohortId == cohortId && m.ResearchConsent
                           join u in db.Users on m.UserId equals u.Id
                           select new { u.Id, u.DisplayName })
            .AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        var prompts = from p in db.ReflectionPrompts
                      join module in db.Modules on p.ModuleId equals module.Id
                      select new { p.Id, p.Text, ModuleTitle = module.Title, ModulePosition = module.Position, p.Position };

        // Own posts in every state but deleted (their text is gone); others' posts only as the cohort's readers see them.
        var ownReflections = await (from r in db.Reflections
                                    where r.CohortId == cohortId && r.AuthorId == userId && r.Status != PostStatus.Deleted
                                    join p in prompts on r.PromptId equals p.Id
                                    orderby p.ModulePosition, p.Position, r.CreatedAt
                                    select new { r.Id, r.BodySource, r.CreatedAt, p.Text, p.ModuleTitle })
            .AsNoTracking().ToListAsync(cancellationToken);
        var ownReplies = await (from reply in db.Replies
                                where reply.AuthorId == userId && reply.Status != PostStatus.Deleted
                                join r in db.Reflections on reply.ReflectionId equals r.Id
                                where r.CohortId == cohortId && r.AuthorId != userId
                                join p in prompts on r.PromptId equals p.Id
                                orderby p.ModulePosition, p.Position, reply.CreatedAt
                                select new { reply.Id, reply.BodySource, reply.CreatedAt, p.Text, p.ModuleTitle, ReflectionAuthor = r.AuthorId })
            .AsNoTracking().ToListAsync(cancellationToken);

        var ownReflectionIds = ownReflections.Select(r => r.Id).ToList();
        var ownReplyIds = ownReplies.Select(r => r.Id).ToList();
        // Received: every reply in the person's own threads, and the direct answers to their replies elsewhere.
        var received = await db.Replies.AsNoTracking()
            .Where(r => r.Status == PostStatus.Visible && r.AuthorId != userId
                && (ownReflectionIds.Contains(r.ReflectionId) || (r.ParentReplyId != null && ownReplyIds.Contains(r.ParentReplyId.Value))))
            .OrderBy(r => r.CreatedAt)
            .Select(r => new { r.Id, r.ReflectionId, r.ParentReplyId, r.AuthorId, r.BodySource, r.CreatedAt })
            .ToListAsync(cancellationToken);

        string? Name(Guid? author) => author is { } id && named.TryGetValue(id, out var name) ? name : null;

        var reflections = ownReflections.Select(r => new PortfolioEntry(r.ModuleTitle, r.Text, false, null,
            new PortfolioPost(header.DisplayName, r.BodySource, r.CreatedAt,
                [.. received.Where(x => x.ReflectionId == r.Id).Select(x => new PortfolioPost(Name(x.AuthorId), x.BodySource, x.CreatedAt, []))]))).ToList();
        var replies = ownReplies.Select(r => new PortfolioEntry(r.ModuleTitle, r.Text, true, Name(r.ReflectionAuthor),
            new PortfolioPost(header.DisplayName, r.BodySource, r.CreatedAt,
                [.. received.Where(x => x.ParentReplyId == r.Id).Select(x => new PortfolioPost(Name(x.AuthorId), x.BodySource, x.CreatedAt, []))]))).ToList();
        return new PortfolioDocument(header.DisplayName, header.Name, header.CourseTitle, reflections, replies);
    }
}
