using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Discussions.Posts;

// A post's earlier versions, for the cohort's moderators.
[Authorize]
public sealed class HistoryModel(PlatformDbContext db, DiscussionAccess access) : PageModel
{
    public DiscussionPlace Place { get; private set; } = null!;
    public string CurrentSource { get; private set; } = string.Empty;
    public IReadOnlyList<Revision> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid cohortId, Guid reflectionId, Guid postId, CancellationToken cancellationToken)
    {
        var userId = User.RequiredAccountId();
        var read = await access.ForThreadAsync(cohortId, reflectionId, userId, cancellationToken);
        if (read.Verdict == AccessVerdict.NotFound)
        {
            return NotFound();
        }
        if (!read.Allowed || !read.Viewer.IsModerator)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Place = read.Place;
        var current = postId == reflectionId
            ? read.Reflection.BodySource
            : await db.Replies.Where(r => r.Id == postId && r.ReflectionId == reflectionId).Select(r => r.BodySource).SingleOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return NotFound();
        }
        CurrentSource = current;
        Revisions = await db.PostRevisions.AsNoTracking().Where(r => r.PostId == postId && r.ReflectionId == reflectionId)
            .OrderByDescending(r => r.ReplacedAt).Select(r => new Revision(r.BodySource, r.WrittenAt, r.ReplacedAt, r.ReplacedByModeratorId != null,
                db.Users.Where(u => u.Id == r.ReplacedByModeratorId).Select(u => u.DisplayName).FirstOrDefault())).ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record Revision(string Source, DateTimeOffset WrittenAt, DateTimeOffset ReplacedAt, bool ByModerator = false, string? ModeratorName = null);
}
