namespace CoSie.Platform.Web.Features.Digests;

// A member's mail choices for one cohort of the current institution: the digest, and whether the cohort's
// instructors may send them reminders.
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

    public async Task<bool> SetRemindersAsync(Guid cohortId, Guid userId, bool wanted, CancellationToken cancellationToken) =>
        await db.CohortMembers.Where(m => m.CohortId == cohortId && m.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RemindersStopped, !wanted), cancellationToken) > 0;
}
