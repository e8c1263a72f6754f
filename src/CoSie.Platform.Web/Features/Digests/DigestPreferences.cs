namespace CoSie.Platform.Web.Features.Digests;

// A member's digest choice for one cohort of the current institution.
public sealed class DigestPreferences(PlatformDbContext db)
{
    public async Task<bool> SetAsync(Guid cohortId, Guid userId, DigestFrequency frequency, CancellationToken cancellationToken)
    {
        var member = await db.CohortMembers.SingleOrDefaultAsync(m => m.CohortId == cohortId && m.UserId == userId, cancellationToken);
        if (member is null)
        {
            return false;
        }
        member.DigestFrequency = frequency;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
