using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Discussions.Progress;
using CoSie.Platform.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Courses;

public sealed class ModuleModel(PlatformDbContext db, CourseAccess access, DiscussionProgress progress, IStringLocalizer<ModuleModel> localizer) : PageModel
{
    // The body with its embeds as click-to-load placeholders, worded in the reader's language.
    public string BodyHtml { get; private set; } = string.Empty;

    public CourseView View { get; private set; } = null!;
    public CourseModule Module { get; private set; } = null!;
    public Neighbour? Previous { get; private set; }
    public Neighbour? Next { get; private set; }

    // The viewer's cohorts of this course, where each prompt is discussed, with their progress there.
    public IReadOnlyList<CohortPromptProgress> Discussions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string course, string module, CancellationToken cancellationToken)
    {
        var view = await access.ReadAsync(course, User, cancellationToken);
        if (view is null)
        {
            // Visitors are asked to sign in (members-only courses exist); signed-in outsiders learn nothing.
            return User.Identity?.IsAuthenticated == true ? NotFound() : Challenge();
        }
        var visible = db.Modules.AsNoTracking().Where(m => m.CourseId == view.Course.Id && (view.CanManage || m.Status == ModuleStatus.Published));
        // The module's own prompts; a cohort's adopted ones are listed under that cohort (CohortPrompts).
        var found = await visible.Include(m => m.Prompts.Where(p => p.CohortId == null)).SingleOrDefaultAsync(m => m.Slug == module, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        View = view;
        Module = found;
        BodyHtml = EmbedPlaceholders.Render(found.BodyHtml, localizer);
        // Only the embed providers may be framed here, and only when the reader loads one.
        SecurityHeadersMiddleware.AllowFrames(HttpContext, EmbedProviders.FrameSources);
        var order = await visible.OrderBy(m => m.Position).ThenBy(m => m.CreatedAt).Select(m => new Neighbour(m.Slug, m.Title)).ToListAsync(cancellationToken);
        var index = order.FindIndex(n => n.Slug == found.Slug);
        Previous = index > 0 ? order[index - 1] : null;
        Next = index >= 0 && index < order.Count - 1 ? order[index + 1] : null;
        if (view.Membership is not null && User.AccountId() is { } userId)
        {
            CohortPrompts = await (
                from p in db.ReflectionPrompts.AsNoTracking()
                where p.ModuleId == found.Id && p.CohortId != null
                    && db.CohortMembers.Any(cm => cm.CohortId == p.CohortId && cm.UserId == userId)
                orderby p.Position
                select new CohortPrompt(p.CohortId!.Value, p.Id, p.Text, db.Users.Where(u => u.Id == p.ProposedById).Select(u => u.DisplayName).FirstOrDefault()))
                .ToListAsync(cancellationToken);
            var promptIds = found.Prompts.Select(p => p.Id).Concat(CohortPrompts.Select(p => p.PromptId)).ToList();
            Discussions = await progress.ForPersonAsync(view.Course.Id, userId, promptIds, cancellationToken);
        }
        return Page();
    }

    // The prompts the person's cohorts adopted from their members' proposals, asked in that cohort only.
    public IReadOnlyList<CohortPrompt> CohortPrompts { get; private set; } = [];

    public sealed record Neighbour(string Slug, string Title);

    public sealed record CohortPrompt(Guid CohortId, Guid PromptId, string Text, string? ProposedBy);
}
