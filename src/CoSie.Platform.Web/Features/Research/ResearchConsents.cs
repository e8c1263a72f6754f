using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Research;

// Giving and withdrawing research consent for one cohort: the member's current choice on the membership, and every
// change as a history row with its time, saved together. Runs inside the cohort's institution (the tenant filter finds
// the membership). Consent can only be given where the institution has written what it is asked for.
public sealed class ResearchConsents(PlatformDbContext db, TenantContext tenant, TimeProvider clock)
{
    public async Task<ConsentOutcome> SetAsync(Guid cohortId, Guid userId, bool given, CancellationToken cancellationToken)
    {
        var member = await db.CohortMembers.SingleOrDefaultAsync(m => m.CohortId == cohortId && m.UserId == userId, cancellationToken);
        if (member is null)
        {
            return ConsentOutcome.NotMember;
        }
        if (given && !await HasTextAsync(cancellationToken))
        {
            return ConsentOutcome.NoConsentText;
        }
        if (member.ResearchConsent == given)
        {
            return ConsentOutcome.Unchanged;
        }
        Record(member, given);
        await db.SaveChangesAsync(cancellationToken);
        return ConsentOutcome.Changed;
    }

    // For a membership being added in the caller's own unit of work (joining a cohort).
    public void Record(CohortMember member, bool given)
    {
        member.ResearchConsent = given;
        db.ResearchConsentChanges.Add(new ResearchConsentChange { CohortId = member.CohortId, UserId = member.UserId, Given = given, At = clock.GetUtcNow() });
    }

    public Task<string?> TextAsync(CancellationToken cancellationToken)
    {
        var id = tenant.Required.Id;
        return db.Institutions.AsNoTracking().Where(i => i.Id == id).Select(i => i.ResearchConsentText).SingleOrDefaultAsync(cancellationToken);
    }

    private async Task<bool> HasTextAsync(CancellationToken cancellationToken) => !string.IsNullOrWhiteSpace(await TextAsync(cancellationToken));
}
