using System.Globalization;
using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Tenancy;
using CsvHelper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Moderation;

// The audit log: every moderation action of the cohorts the person moderates (all of the institution's for its
// admins), newest first, filtered by cohort, moderator, action and date, and as CSV.
[Authorize(Policy = PlatformPolicies.InstitutionMember)]
public sealed class AuditModel(PlatformDbContext db, ModerationScope scopes, TenantContext tenant) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "cohort")]
    public Guid? CohortId { get; set; }

    [FromQuery(Name = "moderator")]
    public Guid? ModeratorId { get; set; }

    [FromQuery(Name = "action")]
    public ModerationActionKind? Kind { get; set; }

    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ModerationScope.Scope Scope { get; private set; } = null!;
    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Moderators { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Pager.CountOf(Total, PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ScopeAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }
        PageNumber = Math.Max(1, PageNumber);
        var query = Filtered();
        Total = await query.CountAsync(cancellationToken);
        Rows = await Project(query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(Pager.Skip(PageNumber, PageSize)).Take(PageSize))
            .ToListAsync(cancellationToken);
        var cohortIds = Scope.Cohorts.Select(c => c.Id).ToList();
        Moderators = (await db.ModerationActions.Where(a => cohortIds.Contains(a.CohortId) && a.ModeratorId != null)
                .Select(a => a.ModeratorId).Distinct()
                .Join(db.Users, id => id, u => u.Id, (id, u) => new { u.Id, u.DisplayName })
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.DisplayName).Select(m => (m.Id, m.DisplayName)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await ScopeAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var rows = await Project(Filtered().OrderByDescending(a => a.At).ThenByDescending(a => a.Id)).ToListAsync(cancellationToken);
        var body = new MemoryStream();
        await using (var csv = CsvWriter.Create(body, CsvSettings, leaveOpen: true))
        {
            csv.WriteHeader(["at", "cohort", "moderator", "action", "reflection_id", "post_id", "member", "reason"]);
            foreach (var row in rows)
            {
                csv.WriteRecord(
                [
                    row.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                    row.CohortName,
                    row.ModeratorName ?? string.Empty,
                    row.Kind.ToString(),
                    row.ReflectionId?.ToString() ?? string.Empty,
                    row.PostId?.ToString() ?? string.Empty,
                    row.SubjectName ?? string.Empty,
                    row.Reason,
                ]);
            }
        }
        body.Position = 0;
        return File(body, "text/csv; charset=utf-8", $"moderation-{tenant.Required.Slug}.csv");
    }

    // A reason typed by a moderator must not become a formula in someone's spreadsheet (SpreadsheetCsv).
    private static CsvWriterOptions CsvSettings => SpreadsheetCsv.Options;

    private async Task<IActionResult?> ScopeAsync(CancellationToken cancellationToken)
    {
        Scope = await scopes.ForAsync(User, cancellationToken);
        if (!Scope.IsMember)
        {
            return NotFound();
        }
        if (!Scope.ModeratesAny)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (CohortId is { } cohort && Scope.Cohorts.All(c => c.Id != cohort))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        return null;
    }

    private IQueryable<ModerationAction> Filtered()
    {
        var cohortIds = Scope.Cohorts.Select(c => c.Id).ToList();
        var query = db.ModerationActions.AsNoTracking().Where(a => cohortIds.Contains(a.CohortId));
        if (CohortId is { } cohort)
        {
            query = query.Where(a => a.CohortId == cohort);
        }
        if (ModeratorId is { } moderator)
        {
            query = query.Where(a => a.ModeratorId == moderator);
        }
        if (Kind is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(tenant.Required.TimeZoneId, out var z) ? z : TimeZoneInfo.Utc;
        if (From is { } from)
        {
            var start = StartOf(from, zone);
            query = query.Where(a => a.At >= start);
        }
        if (To is { } to)
        {
            var end = StartOf(to.AddDays(1), zone);
            query = query.Where(a => a.At < end);
        }
        return query;
    }

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private IQueryable<AuditRow> Project(IQueryable<ModerationAction> actions) =>
        from a in actions
        join c in db.Cohorts on a.CohortId equals c.Id
        select new AuditRow(
            a.At, c.Name, c.Id,
            db.Users.Where(u => u.Id == a.ModeratorId).Select(u => u.DisplayName).FirstOrDefault(),
            a.Kind, a.ReflectionId, a.PostId,
            db.Users.Where(u => u.Id == a.SubjectUserId).Select(u => u.DisplayName).FirstOrDefault(),
            a.Reason);

    public string Query(int page) =>
        $"?p={page}" + (CohortId is { } c ? $"&cohort={c}" : "") + (ModeratorId is { } m ? $"&moderator={m}" : "") + (Kind is { } k ? $"&action={k}" : "")
        + (From is { } f ? $"&from={f:yyyy-MM-dd}" : "") + (To is { } t ? $"&to={t:yyyy-MM-dd}" : "");
}
