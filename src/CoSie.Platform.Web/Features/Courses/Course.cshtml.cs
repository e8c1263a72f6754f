using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Courses;

public sealed class CourseModel(PlatformDbContext db, CourseAccess access, CourseProgress progress) : PageModel
{
    public CourseView View { get; private set; } = null!;
    public IReadOnlyList<ModuleSummary> Modules { get; private set; } = [];
    public bool ShowsProgress { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var view = await access.ReadAsync(slug, User, cancellationToken);
        if (view is null)
        {
            // Visitors are asked to sign in (members-only courses exist); signed-in outsiders learn nothing.
            return User.Identity?.IsAuthenticated == true ? NotFound() : Challenge();
        }
        View = view;
        var modules = await db.Modules.AsNoTracking()
            .Where(m => m.CourseId == view.Course.Id && (view.CanManage || m.Status == Domain.ModuleStatus.Published))
            .OrderBy(m => m.Position).ThenBy(m => m.CreatedAt)
            .Select(m => new { m.Id, m.Slug, m.Title, Published = m.Status == Domain.ModuleStatus.Published, PromptCount = m.Prompts.Count(p => p.CohortId == null) })
            .ToListAsync(cancellationToken);
        var answered = User.AccountId() is { } userId
            ? await progress.AnsweredPromptsByModuleAsync(view.Course.Id, userId, cancellationToken)
            : null;
        ShowsProgress = answered is not null;
        Modules = modules.Select(m => new ModuleSummary(m.Id, m.Slug, m.Title, m.Published, m.PromptCount, answered?.GetValueOrDefault(m.Id) ?? 0)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync([FromRoute] string slug, Guid moduleId, int direction, CancellationToken cancellationToken)
    {
        var course = await access.ManageAsync(slug, User, cancellationToken);
        if (course is null)
        {
            // As the page itself answers: visitors sign in first, signed-in people who may not manage it learn nothing.
            return User.Identity?.IsAuthenticated == true ? NotFound() : Challenge();
        }
        var modules = await db.Modules.Where(m => m.CourseId == course.Id).OrderBy(m => m.Position).ThenBy(m => m.CreatedAt).ToListAsync(cancellationToken);
        var index = modules.FindIndex(m => m.Id == moduleId);
        var target = index + Math.Sign(direction);
        if (index < 0 || target < 0 || target >= modules.Count)
        {
            return RedirectToPage(new { slug });
        }
        (modules[index], modules[target]) = (modules[target], modules[index]);
        for (var i = 0; i < modules.Count; i++)
        {
            modules[i].Position = i;
        }
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { slug });
    }

    public sealed record ModuleSummary(Guid Id, string Slug, string Title, bool Published, int PromptCount, int Answered);
}
