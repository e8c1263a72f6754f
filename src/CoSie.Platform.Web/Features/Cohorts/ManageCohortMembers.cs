using CoSie.Platform.Web.Features.Discussions.Live;

namespace CoSie.Platform.Web.Features.Cohorts;

// Role changes and removals, which share one rule: the last instructor of a cohort stays.
public sealed class ManageCohortMembers(PlatformDbContext db, LiveConnections live, TimeProvider clock)
{
    public async Task<MemberChange> ChangeRoleAsync(Guid cohortId, Guid memberId, CohortRole role, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockCohortAsync(cohortId, cancellationToken);
        var member = await db.CohortMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.CohortId == cohortId, cancellationToken);
        if (member is null)
        {
            return MemberChange.NotFound;
        }
        if (member.Role == role)
        {
            return MemberChange.Unchanged;
        }
        if (member.Role == CohortRole.Instructor && await IsLastInstructorAsync(member, cancellationToken))
        {
            return MemberChange.LastInstructor;
        }
        member.Role = role;
        if (role == CohortRole.Instructor)
        {
            await RaiseToInstructorAsync(member.UserId, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return MemberChange.Done;
    }

    public async Task<MemberChange> RemoveAsync(Guid cohortId, Guid memberId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockCohortAsync(cohortId, cancellationToken);
        var member = await db.CohortMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.CohortId == cohortId, cancellationToken);
        if (member is null)
        {
            return MemberChange.NotFound;
        }
        if (member.Role == CohortRole.Instructor && await IsLastInstructorAsync(member, cancellationToken))
        {
            return MemberChange.LastInstructor;
        }
        // Only the cohort membership goes: the person stays a member of the institution.
        db.CohortMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Their open discussion pages stop receiving this cohort's posts at once, not at the next reload.
        await live.LeftCohortAsync(member.UserId, cohortId);
        return MemberChange.Done;
    }

    // Serialises membership changes of one cohort, so two managers demoting the last two instructors at the same
    // moment cannot both pass the "is there another instructor" check.
    private async Task LockCohortAsync(Guid cohortId, CancellationToken cancellationToken)
    {
        // The table name follows the snake_case naming convention of the model (see CohortConfiguration).
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM cohorts WHERE id = {cohortId} FOR UPDATE", cancellationToken);
    }

    private async Task<bool> IsLastInstructorAsync(CohortMember member, CancellationToken cancellationToken) =>
        !await db.CohortMembers.AnyAsync(m => m.CohortId == member.CohortId && m.Id != member.Id && m.Role == CohortRole.Instructor, cancellationToken);

    // Running a cohort is instructor work, so the institution role follows (it is never lowered here).
    private async Task RaiseToInstructorAsync(Guid userId, CancellationToken cancellationToken)
    {
        var membership = await db.InstitutionMemberships.SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            db.InstitutionMemberships.Add(new InstitutionMembership { UserId = userId, Role = InstitutionRole.Instructor, CreatedAt = clock.GetUtcNow() });
        }
        else if (!membership.Grants(InstitutionRole.Instructor))
        {
            membership.Role = InstitutionRole.Instructor;
        }
    }
}
