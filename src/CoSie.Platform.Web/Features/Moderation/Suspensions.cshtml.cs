using System.ComponentModel.DataAnnotations;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Features.Cohorts;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Moderation;

// A cohort's suspensions: suspend a learner or observer from posting until a date, lift one early, see past ones.
[Authorize(Policy = PlatformPolicies.InstitutionMember)]
public sealed class SuspensionsModel(
    PlatformDbContext db, CohortAccess cohorts, SuspendMember suspend, LiftSuspension lift, TenantContext tenant, TimeProvider clock,
    IStringLocalizer<SuspensionsModel> localizer) : PageModel
{
    [BindProperty]
    public SuspendInput Input { get; set; } = new();

    public Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<(Guid UserId, string Name)> Members { get; private set; } = [];
    public IReadOnlyList<Row> Suspensions { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public string? Error { get; private set; }
    public string? UntilError { get; private set; }

    public string UntilExample => DateInput.DateTimeExample(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime), CultureInfo.CurrentCulture);

    // What the field shows: what was typed, when it could not be read, else the moment in the reader's format.
    public string UntilText =>
        ModelState.TryGetValue($"{nameof(Input)}.{nameof(Input.Until)}", out var entry) && entry.AttemptedValue is { } typed
            ? typed
            : Input.Until is { } until ? DateInput.FormatDateTime(until, CultureInfo.CurrentCulture) : string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid id, CancellationToken cancellationToken)
    {
        // The end is typed on the wall clock of the zone the page names (Localization/DateInput, bound by
        // ReaderDateModelBinder): one that cannot be read, or none, is refused before anything is asked of the use case.
        if (Input.Until is not { } local || ModelState.GetFieldValidationState($"{nameof(Input)}.{nameof(Input.Until)}") == ModelValidationState.Invalid)
        {
            if (await LoadAsync(id, cancellationToken) is { } refusal)
            {
                return refusal;
            }
            UntilError = localizer["Write the end of the suspension as a date and a time, like {example}.", UntilExample];
            Error = UntilError;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var until = new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
        var result = await suspend.ExecuteAsync(id, Input.UserId ?? Guid.Empty, until, Input.Reason, User, cancellationToken);
        return await AnswerAsync(id, result, localizer["The member is suspended from posting in this cohort."], cancellationToken);
    }

    public async Task<IActionResult> OnPostLiftAsync([FromRoute] Guid id, Guid suspensionId, string? reason, CancellationToken cancellationToken) =>
        await AnswerAsync(id, await lift.ExecuteAsync(id, suspensionId, reason, User, cancellationToken), localizer["The suspension is lifted."], cancellationToken);

    private async Task<IActionResult> AnswerAsync(Guid id, ModerationResult result, string done, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case ModerationOutcome.NotFound:
                return NotFound();
            case ModerationOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case ModerationOutcome.Done or ModerationOutcome.NoChange:
                TempData["Status"] = result.Outcome == ModerationOutcome.Done ? done : localizer.Message(result);
                return RedirectToPage(new { id });
        }
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Error = result.Outcome == ModerationOutcome.Invalid
            ? localizer["Choose a learner or observer of this cohort and an end in the future."]
            : localizer.Message(result);
        Response.StatusCode = result.StatusCode;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var grant = await cohorts.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        Cohort = grant.Cohort;
        Now = clock.GetUtcNow();
        Members = (await (from m in db.CohortMembers
                          where m.CohortId == id && m.Role != CohortRole.Instructor
                          join u in db.Users on m.UserId equals u.Id
                          orderby u.DisplayName
                          select new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
            .Select(m => (m.Id, m.DisplayName)).ToList();
        Suspensions = await db.CohortSuspensions.AsNoTracking().Where(s => s.CohortId == id).OrderByDescending(s => s.From)
            .Select(s => new Row(s.Id, db.Users.Where(u => u.Id == s.UserId).Select(u => u.DisplayName).FirstOrDefault(), s.From, s.Until, s.Reason, s.LiftedAt))
            .Take(200)
            .ToListAsync(cancellationToken);
        return null;
    }

    public TimeZoneInfo Zone => ReaderTimeZone.Of(User, tenant.Institution);

    public sealed record Row(Guid Id, string? Name, DateTimeOffset From, DateTimeOffset Until, string Reason, DateTimeOffset? LiftedAt)
    {
        public bool InForce(DateTimeOffset now) => LiftedAt is null && From <= now && now < Until;
    }

    public sealed class SuspendInput
    {
        [Display(Name = "Member")]
        public Guid? UserId { get; set; }

        [Display(Name = "Suspended until")]
        public DateTime? Until { get; set; }

        [DataType(DataType.MultilineText)]
        [Display(Name = "Reason")]
        public string? Reason { get; set; }
    }
}
