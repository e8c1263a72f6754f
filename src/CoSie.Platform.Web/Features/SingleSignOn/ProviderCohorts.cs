namespace CoSie.Platform.Web.Features.SingleSignOn;

// The cohort that a provider's group mapping names ("staff-101 = cohort Spring 2026 as learner"): one of the
// institution's own, by its id (from its address) or by its name where only one cohort has it.
public sealed class ProviderCohorts(PlatformDbContext db)
{
    public async Task<ProviderCohortMatch> FindAsync(string reference, CancellationToken cancellationToken = default)
    {
        if (Guid.TryParse(reference, out var id))
        {
            if (await db.Cohorts.AnyAsync(c => c.Id == id, cancellationToken))
            {
                return new ProviderCohortMatch(ProviderCohortFinding.Found, id);
            }
            // Only whether the id is some other institution's cohort, for the admin's message; nothing of it is read.
            // An admin of two institutions may paste the wrong one's address, and should be told so, not "unknown".
            var elsewhere = await db.AcrossInstitutionsAsync(across =>
                across.Cohorts.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).AnyAsync(c => c.Id == id, cancellationToken), cancellationToken);
            return new ProviderCohortMatch(elsewhere ? ProviderCohortFinding.OtherInstitution : ProviderCohortFinding.Unknown, null);
        }
        var ids = await db.Cohorts.Where(c => c.Name == reference).Select(c => c.Id).Take(2).ToListAsync(cancellationToken);
        return ids.Count switch
        {
            0 => new ProviderCohortMatch(ProviderCohortFinding.Unknown, null),
            1 => new ProviderCohortMatch(ProviderCohortFinding.Found, ids[0]),
            _ => new ProviderCohortMatch(ProviderCohortFinding.Ambiguous, null),
        };
    }
}
