using System.ComponentModel.DataAnnotations;
using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Cohorts;

// Invitations by roster. The per-row report is the response to the upload itself rather than a redirect: it can
// hold 2,000 rows, far more than TempData's cookie carries.
[Authorize(Policy = PlatformPolicies.InstitutionMember)]
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit, ValueLengthLimit = RequestLimit)]
public sealed class RosterModel(
    PlatformDbContext db, CohortAccess access, RosterCsv csv, ImportRoster import, CohortCalendar calendar, TenantContext tenant,
    MailLinks links, IStringLocalizer<RosterModel> localizer)
    : PageModel
{
    // Room above the 1 MB file limit, so that a slightly bigger file gets a clear message instead of a failed request.
    private const int RequestLimit = 4 * 1024 * 1024;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<CohortInvitation> Pending { get; private set; } = [];
    public IReadOnlyList<RosterResult>? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        Cohort = grant.Cohort;
        await LoadPendingAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid id, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        Cohort = grant.Cohort;
        var file = Input.File;
        if (ModelState.IsValid && file is not null)
        {
            if (file.Length == 0)
            {
                ModelState.AddModelError(FileField, localizer["The file is empty. Put one person per row: email, name, role."]);
            }
            else if (file.Length > RosterCsv.MaxBytes)
            {
                ModelState.AddModelError(FileField, localizer["The file is larger than 1 MB. Split it into smaller files."]);
            }
            else
            {
                await using var stream = file.OpenReadStream();
                var roster = await csv.ReadAsync(stream, cancellationToken);
                if (roster.Refusal is not null)
                {
                    ModelState.AddModelError(FileField, roster.Refusal);
                }
                else
                {
                    Results = await import.ImportAsync(Cohort, roster.Rows, await ContextAsync(cancellationToken), cancellationToken);
                }
            }
        }
        await LoadPendingAsync(cancellationToken);
        return Page();
    }

    public string Describe(RosterOutcome outcome) => outcome switch
    {
        RosterOutcome.Invited => localizer["Invited"].Value,
        RosterOutcome.InvitedAgain => localizer["Already invited; the invitation was sent again"].Value,
        RosterOutcome.AlreadyMember => localizer["Skipped: already a member"].Value,
        RosterOutcome.DuplicateInFile => localizer["Skipped: this address is on an earlier row"].Value,
        RosterOutcome.InvalidEmail => localizer["Not invited: not a valid e-mail address"].Value,
        RosterOutcome.InvalidRole => localizer["Not invited: the role must be learner, observer or instructor"].Value,
        RosterOutcome.NameTooLong => localizer["Not invited: the name is longer than {max, plural, one {# character} other {# characters}}", ImportRoster.MaxNameLength].Value,
        RosterOutcome.ExtraColumns => localizer["Not invited: more columns than email, name and role"].Value,
        RosterOutcome.NotSent => localizer["Invitation saved, but the e-mail could not be sent; upload the row again later"].Value,
        _ => outcome.ToString(),
    };

    public DateOnly InvitedOn(CohortInvitation invitation) => calendar.DateOf(invitation.CreatedAt);

    private const string FileField = $"{nameof(Input)}.{nameof(InputModel.File)}";

    private async Task<InvitationContext> ContextAsync(CancellationToken cancellationToken)
    {
        var courseTitle = await db.Courses.Where(c => c.Id == Cohort.CourseId).Select(c => c.Title).SingleAsync(cancellationToken);
        var inviter = User.FindFirst(PlatformClaims.DisplayName)?.Value ?? localizer["Your instructor"].Value;
        var code = Cohort.InviteCode;
        return new InvitationContext(
            tenant.Required.Name, tenant.Required.DefaultCulture, Cohort.Name, courseTitle, inviter,
            invitation => links.Page(tenant.Required, "/Cohorts/Join", new { code, invitation = invitation.Token }));
    }

    private async Task LoadPendingAsync(CancellationToken cancellationToken) =>
        Pending = await db.CohortInvitations.AsNoTracking()
            .Where(i => i.CohortId == Cohort.Id && i.AcceptedAt == null)
            .OrderBy(i => i.Email)
            .ToListAsync(cancellationToken);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose a CSV file to upload.")]
        [Display(Name = "Roster file (CSV)")]
        public IFormFile? File { get; set; }
    }
}
