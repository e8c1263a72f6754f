using System.Security.Claims;
using CoSie.Platform.Web.Features.Cohorts;
using CoSie.Platform.Web.Features.Discussions;
using CoSie.Platform.Web.Features.Discussions.Notifications;
using CoSie.Platform.Web.Features.Discussions.Threads;

namespace CoSie.Platform.Web.Features.Profiles;

// One member as the others of a cohort see them: name, picture, a few lines about themselves, and the posts of theirs
// in that cohort that the reader may read by the discussions' own rules (Viewer, PostFirstGate): visible posts of
// published modules, and for a learner held back by post-first only the prompts whose gate they have passed.
// Anyone of the cohort may look; a person outside it, or of another institution, finds nothing (404).
public sealed class MemberProfiles(PlatformDbContext db, CohortAccess access, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<(CohortGrant Grant, MemberProfile? Profile)> FindAsync(Guid cohortId, Guid memberId, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var grant = await access.ToViewAsync(cohortId, reader, cancellationToken);
        if (!grant.Allowed)
        {
            return (grant, null);
        }
        var profile = await (
            from m in db.CohortMembers.AsNoTracking()
            where m.CohortId == cohortId && m.UserId == memberId
            join u in db.Users on m.UserId equals u.Id
            select new MemberProfile(u.Id, u.DisplayName, u.Bio, u.PictureVersion, m.Role))
            .SingleOrDefaultAsync(cancellationToken);
        return (grant, profile);
    }

    public async Task<MemberPostsPage> PostsAsync(CohortGrant grant, MemberProfile member, int? page, CancellationToken cancellationToken)
    {
        var cohort = grant.Cohort!;
        // Managing without teaching the cohort is what an institution admin does.
        var viewer = new Viewer(grant.UserId, grant.Member?.Role, grant.CanManage && grant.Member?.Role != CohortRole.Instructor);
        var everyPrompt = viewer.IsModerator || member.UserId == grant.UserId || !viewer.IsHeldBackByPostFirst(cohort.PostFirst);
        var open = everyPrompt ? [] : await OpenPromptsAsync(cohort, grant.UserId, cancellationToken);
        var drafts = viewer.IsModerator;

        var reflections =
            from r in db.Reflections.AsNoTracking()
            where r.CohortId == cohort.Id && r.AuthorId == member.UserId && r.Status == PostStatus.Visible
                && (everyPrompt || open.Contains(r.PromptId))
            join p in db.ReflectionPrompts on r.PromptId equals p.Id
            join m in db.Modules on p.ModuleId equals m.Id
            where drafts || m.Status == ModuleStatus.Published
            select new { Id = r.Id, ReflectionId = r.Id, Prompt = p.Text, Module = m.Title, Source = r.BodySource.Substring(0, PostExcerpt.SourceLength), r.CreatedAt };
        var replies =
            from x in db.Replies.AsNoTracking()
            where x.AuthorId == member.UserId && x.Status == PostStatus.Visible
            join r in db.Reflections on x.ReflectionId equals r.Id
            where r.CohortId == cohort.Id && r.Status == PostStatus.Visible && (everyPrompt || open.Contains(r.PromptId))
            join p in db.ReflectionPrompts on r.PromptId equals p.Id
            join m in db.Modules on p.ModuleId equals m.Id
            where drafts || m.Status == ModuleStatus.Published
            select new { Id = x.Id, ReflectionId = r.Id, Prompt = p.Text, Module = m.Title, Source = x.BodySource.Substring(0, PostExcerpt.SourceLength), x.CreatedAt };

        var total = await reflections.CountAsync(cancellationToken) + await replies.CountAsync(cancellationToken);
        var count = Pager.CountOf(total, PageSize);
        var number = Pager.Clamp(page, count);
        // Newest first across both kinds: each side's first pages up to this one, merged.
        var upTo = number * PageSize;
        var a = await reflections.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(upTo).ToListAsync(cancellationToken);
        var b = await replies.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(upTo).ToListAsync(cancellationToken);
        var posts = a.Select(r => new MemberPost(r.Id, r.ReflectionId, true, r.Prompt, r.Module, PostExcerpt.Of(r.Source), r.CreatedAt))
            .Concat(b.Select(r => new MemberPost(r.Id, r.ReflectionId, false, r.Prompt, r.Module, PostExcerpt.Of(r.Source), r.CreatedAt)))
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Skip(Pager.Skip(number, PageSize)).Take(PageSize)
            .ToList();
        return new MemberPostsPage(posts, number, count, total);
    }

    // The prompts of this cohort whose post-first gate the reader has passed.
    private async Task<List<Guid>> OpenPromptsAsync(Cohort cohort, Guid readerId, CancellationToken cancellationToken)
    {
        var own = await db.Reflections.AsNoTracking()
            .Where(r => r.CohortId == cohort.Id && r.AuthorId == readerId && r.Status != PostStatus.Deleted)
            .Select(r => new { r.PromptId, r.CreatedAt })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. own.Where(o => PostFirstGate.For(true, o.CreatedAt, cohort.RevealOnPost, cohort.EditWindow, now).IsOpen).Select(o => o.PromptId)];
    }

    public Task<ProfilePicture?> PictureAsync(Guid memberId, CancellationToken cancellationToken) =>
        db.ProfilePictures.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == memberId, cancellationToken);
}

public sealed record MemberProfile(Guid UserId, string DisplayName, string? Bio, string? PictureVersion, CohortRole Role);

public sealed record MemberPost(Guid Id, Guid ReflectionId, bool IsReflection, string Prompt, string Module, string Excerpt, DateTimeOffset CreatedAt);

public sealed record MemberPostsPage(IReadOnlyList<MemberPost> Posts, int Number, int Count, int Total);
