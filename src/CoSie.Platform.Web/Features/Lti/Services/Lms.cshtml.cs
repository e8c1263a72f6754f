using CoSie.Platform.Web.Features.Cohorts;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Lti.Services;

// The cohort's LMS link for its instructors and the institution's admins: the roster synchronisation with its last
// outcome and "Sync now", and the scores sent to the LMS gradebook per prompt with their failures and "Retry failed".
// Both buttons queue background jobs; nothing calls the LMS within the request.
[Authorize(Policy = PlatformPolicies.InstitutionMember)]
public sealed class LmsModel(PlatformDbContext db, CohortAccess access, IBackgroundJobClient jobs, IStringLocalizer<LmsModel> localizer) : PageModel
{
    public Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<LtiContext> Contexts { get; private set; } = [];
    public IReadOnlyList<PromptRow> Prompts { get; private set; } = [];
    public IReadOnlyList<FailureRow> Failures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        Cohort = grant.Cohort;
        Contexts = await db.LtiContexts.AsNoTracking().Where(c => c.CohortId == id).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var contextIds = Contexts.Select(c => c.Id).ToList();
        var counts = await db.LtiScores.AsNoTracking().Where(s => contextIds.Contains(s.LtiContextId))
            .GroupBy(s => new { s.PromptId, s.Status }).Select(g => new { g.Key.PromptId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var prompts = await (
                from p in db.ReflectionPrompts
                join m in db.Modules on p.ModuleId equals m.Id
                where m.CourseId == Cohort.CourseId && m.Status == ModuleStatus.Published && (p.CohortId == null || p.CohortId == id)
                orderby m.Position, m.CreatedAt, p.Position
                select new { p.Id, p.Text, Module = m.Title })
            .AsNoTracking().ToListAsync(cancellationToken);
        int Count(Guid promptId, LtiScoreStatus status) => counts.Where(c => c.PromptId == promptId && c.Status == status).Sum(c => c.Count);
        Prompts = [.. prompts.Select(p => new PromptRow(p.Id, p.Text, p.Module,
            Count(p.Id, LtiScoreStatus.Sent), Count(p.Id, LtiScoreStatus.Pending), Count(p.Id, LtiScoreStatus.Failed)))];
        Failures = await (
                from s in db.LtiScores
                where contextIds.Contains(s.LtiContextId) && s.Status == LtiScoreStatus.Failed
                join u in db.Users on s.UserId equals u.Id
                join p in db.ReflectionPrompts on s.PromptId equals p.Id
                orderby s.UpdatedAt descending
                select new FailureRow(u.DisplayName, p.Text, s.Error, s.UpdatedAt, s.Attempts))
            .AsNoTracking().Take(100).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSyncAsync([FromRoute] Guid id, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        var contexts = await db.LtiContexts.AsNoTracking().Where(c => c.CohortId == id && c.MembershipsUrl != null)
            .Select(c => new { c.Id, c.InstitutionId }).ToListAsync(cancellationToken);
        foreach (var context in contexts)
        {
            jobs.Enqueue<RosterSyncJob>(job => job.SyncAsync(context.InstitutionId, context.Id, CancellationToken.None));
        }
        TempData["Status"] = contexts.Count > 0
            ? localizer["The roster is being synchronised with the LMS; the outcome shows here in a moment."].Value
            : localizer["The LMS has not offered this cohort's roster yet: it does so with a launch once the service is enabled."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRetryAsync([FromRoute] Guid id, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        var failed = await db.LtiScores
            .Where(s => s.Status == LtiScoreStatus.Failed && db.LtiContexts.Any(c => c.Id == s.LtiContextId && c.CohortId == id))
            .ToListAsync(cancellationToken);
        foreach (var score in failed)
        {
            score.Status = LtiScoreStatus.Pending;
        }
        await db.SaveChangesAsync(cancellationToken);
        var institutionId = grant.Cohort.InstitutionId;
        foreach (var (promptId, userId) in failed.Select(s => (s.PromptId, s.UserId)).Distinct())
        {
            jobs.Enqueue<PublishScoreJob>(job => job.PublishAsync(institutionId, id, promptId, userId, CancellationToken.None));
        }
        TempData["Status"] = localizer["{count, plural, =0 {No score had failed.} one {# score is sent again.} other {# scores are sent again.}}", failed.Count].Value;
        return RedirectToPage(new { id });
    }

    public sealed record PromptRow(Guid Id, string Text, string Module, int Sent, int Pending, int Failed);

    public sealed record FailureRow(string Member, string Prompt, string? Error, DateTimeOffset At, int Attempts);
}
