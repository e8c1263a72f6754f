using CoSie.Platform.Web.Features.Research;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CoSie.Platform.Web.Features.Cohorts;

// The page behind an invite link: anyone may open it, and a signed-in person joins with one button.
[AllowAnonymous]
public sealed class JoinModel(
    PlatformDbContext db, JoinCohort join, CohortCalendar calendar, ResearchConsents consents, TenantContext tenant, IStringLocalizer<JoinModel> localizer)
    : PageModel
{
    public string InstitutionName => tenant.Required.Name;
    public Cohort? Cohort { get; private set; }
    public string CourseTitle { get; private set; } = string.Empty;
    public bool SignedIn => User.Identity?.IsAuthenticated == true;
    public bool AlreadyMember { get; private set; }
    public bool HasEnded { get; private set; }
    public CohortRole InvitedRole { get; private set; } = CohortRole.Learner;
    public bool InvitationForAnotherAddress { get; private set; }
    public string SignInUrl { get; private set; } = string.Empty;
    public string RegisterUrl { get; private set; } = string.Empty;
    public string? ResearchConsentText { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? invitation, CancellationToken cancellationToken)
    {
        Cohort = await join.FindOpenAsync(code, cancellationToken);
        if (Cohort is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        CourseTitle = await db.Courses.Where(c => c.Id == Cohort.CourseId).Select(c => c.Title).SingleAsync(cancellationToken);
        HasEnded = calendar.HasEnded(Cohort);

        if (!SignedIn || UserId is not { } userId)
        {
            // Back to this very page (invitation included) after signing in or registering.
            var returnUrl = $"{Request.PathBase}{Request.Path}{Request.QueryString}";
            SignInUrl = QueryHelpers.AddQueryString(Url.Content("~/Account/Login"), "returnUrl", returnUrl);
            RegisterUrl = QueryHelpers.AddQueryString(Url.Content("~/Account/Register"), "returnUrl", returnUrl);
            return Page();
        }

        AlreadyMember = await db.CohortMembers.AnyAsync(m => m.CohortId == Cohort.Id && m.UserId == userId, cancellationToken);
        if (!AlreadyMember)
        {
            var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
            var (pending, forAnotherAddress) = await join.FindInvitationAsync(Cohort.Id, email, invitation, cancellationToken);
            InvitedRole = pending?.Role ?? CohortRole.Learner;
            InvitationForAnotherAddress = forAnotherAddress;
            var text = await consents.TextAsync(cancellationToken);
            ResearchConsentText = string.IsNullOrWhiteSpace(text) ? null : text;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string code, string? invitation, bool researchConsent, CancellationToken cancellationToken)
    {
        if (!SignedIn || UserId is not { } userId)
        {
            return Challenge();
        }
        var result = await join.JoinAsync(code, userId, invitation, cancellationToken, researchConsent);
        switch (result.Outcome)
        {
            case JoinOutcome.NotFound:
                Response.StatusCode = StatusCodes.Status404NotFound;
                return Page();
            case JoinOutcome.Ended:
                TempData["Status"] = localizer["This cohort has ended; it cannot be joined any more."].Value;
                return RedirectToPage(new { code, invitation });
            case JoinOutcome.AlreadyMember:
                TempData["Status"] = localizer["You are already a member of this cohort."].Value;
                return RedirectToPage("Overview", new { id = result.CohortId });
            default:
                var welcome = localizer["Welcome! You joined the cohort as {role}.", localizer.Name(result.Role)].Value;
                if (result.InvitationForAnotherAddress)
                {
                    welcome += " " + localizer["The personal invitation in your link was sent to another e-mail address, so you joined as a learner."].Value;
                }
                TempData["Status"] = welcome;
                return RedirectToPage("Overview", new { id = result.CohortId });
        }
    }

    private Guid? UserId => User.AccountId();
}
