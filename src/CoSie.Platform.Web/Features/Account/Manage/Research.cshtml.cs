using CoSie.Platform.Web.Features.Research;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Account.Manage;

// The person's research consent per cohort, in every institution they belong to (as the digest choices are), with each
// institution's consent text. Giving or withdrawing happens inside the cohort's institution, where it is recorded.
public sealed class ResearchModel(PlatformDbContext db, TenantScopes scopes, IStringLocalizer<ResearchModel> localizer) : PageModel
{
    public IReadOnlyList<CohortConsent> Cohorts { get; private set; } = [];

    public IReadOnlyList<IGrouping<Guid, CohortConsent>> Institutions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Cohorts = await LoadAsync(cancellationToken);
        Institutions = Cohorts.GroupBy(c => c.InstitutionId).ToList();
    }

    public Task<IActionResult> OnPostGiveAsync(Guid cohortId, CancellationToken cancellationToken) => SetAsync(cohortId, given: true, cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(Guid cohortId, CancellationToken cancellationToken) => SetAsync(cohortId, given: false, cancellationToken);

    private async Task<IActionResult> SetAsync(Guid cohortId, bool given, CancellationToken cancellationToken)
    {
        var mine = (await LoadAsync(cancellationToken)).SingleOrDefault(c => c.CohortId == cohortId);
        if (mine is null)
        {
            return NotFound();
        }
        ConsentOutcome outcome;
        await using (var scope = await scopes.EnterAsync(mine.InstitutionId, cancellationToken))
        {
            outcome = await scope.ServiceProvider.GetRequiredService<ResearchConsents>().SetAsync(cohortId, UserId, given, cancellationToken);
        }
        TempData["Status"] = outcome switch
        {
            ConsentOutcome.NoConsentText => localizer["{institution} has not written a research consent text, so consent cannot be given.", mine.InstitutionName].Value,
            _ when given => localizer["You agreed that your posts in {cohort} may be used for research.", mine.CohortName].Value,
            _ => localizer["You withdrew your research consent for {cohort}. Research exports made from now on leave out your posts there.", mine.CohortName].Value,
        };
        return RedirectToPage();
    }

    private Guid UserId => User.RequiredAccountId();

    private async Task<IReadOnlyList<CohortConsent>> LoadAsync(CancellationToken cancellationToken)
    {
        var userId = UserId;
        // Across institutions on purpose, and only the signed-in person's own memberships (the Where on the user).
        return await db.AcrossInstitutionsAsync(across => (
                from m in across.CohortMembers.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
                where m.UserId == userId
                join c in across.Cohorts.IgnoreQueryFilters([PlatformDbContext.TenantFilter]) on m.CohortId equals c.Id
                join i in across.Institutions on m.InstitutionId equals i.Id
                orderby i.Name, i.Id, c.Name
                select new CohortConsent(m.CohortId, m.InstitutionId, c.Name, i.Name, i.ResearchConsentText, m.ResearchConsent))
            .AsNoTracking().ToListAsync(cancellationToken), cancellationToken);
    }

    public sealed record CohortConsent(Guid CohortId, Guid InstitutionId, string CohortName, string InstitutionName, string? ConsentText, bool Given)
    {
        public bool CanConsent => !string.IsNullOrWhiteSpace(ConsentText);
    }
}
