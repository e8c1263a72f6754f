using CoSie.Platform.Web.Features.Research;
using Npgsql;

namespace CoSie.Platform.Web.Features.Cohorts;

// Joining a cohort through its invite link, optionally with a personal invitation from a roster upload.
// The invite code is looked up inside the institution whose address carries it (the tenant filter), so a code of
// one institution means nothing under another's address.
public sealed class JoinCohort(PlatformDbContext db, CohortCalendar calendar, ResearchConsents consents, TimeProvider clock)
{
    public Task<Cohort?> FindOpenAsync(string code, CancellationToken cancellationToken) =>
        db.Cohorts.AsNoTracking().SingleOrDefaultAsync(c => c.InviteCode == code && c.InviteEnabled, cancellationToken);

    // The invitation a person would accept by joining, or null; the flag tells them when a link they followed
    // was meant for someone else.
    public async Task<(CohortInvitation? Invitation, bool ForAnotherAddress)> FindInvitationAsync(
        Guid cohortId, string? email, string? token, CancellationToken cancellationToken)
    {
        var pending = db.CohortInvitations.Where(i => i.CohortId == cohortId && i.AcceptedAt == null);
        if (!string.IsNullOrEmpty(token))
        {
            var byToken = await pending.SingleOrDefaultAsync(i => i.Token == token, cancellationToken);
            if (byToken is not null && !string.Equals(byToken.Email, email, StringComparison.OrdinalIgnoreCase))
            {
                return (null, true);
            }
            if (byToken is not null)
            {
                return (byToken, false);
            }
        }
        // Someone invited by name who joins through the plain link (or an old invitation e-mail) still gets the role
        // the instructor chose for their address.
        if (string.IsNullOrEmpty(email))
        {
            return (null, false);
        }
        var normalized = email.ToLowerInvariant();
        return (await pending.SingleOrDefaultAsync(i => i.Email == normalized, cancellationToken), false);
    }

    public async Task<JoinResult> JoinAsync(string code, Guid userId, string? invitationToken, CancellationToken cancellationToken, bool researchConsent = false)
    {
        var cohort = await FindOpenAsync(code, cancellationToken);
        if (cohort is null)
        {
            return new JoinResult(JoinOutcome.NotFound);
        }
        if (await db.CohortMembers.AnyAsync(m => m.CohortId == cohort.Id && m.UserId == userId, cancellationToken))
        {
            return new JoinResult(JoinOutcome.AlreadyMember, cohort.Id);
        }
        if (calendar.HasEnded(cohort))
        {
            return new JoinResult(JoinOutcome.Ended, cohort.Id);
        }

        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(cancellationToken);
        var (invitation, forAnotherAddress) = await FindInvitationAsync(cohort.Id, email, invitationToken, cancellationToken);
        var now = clock.GetUtcNow();
        var role = invitation?.Role ?? CohortRole.Learner;
        invitation?.AcceptedAt = now;
        var member = new CohortMember { CohortId = cohort.Id, UserId = userId, Role = role, JoinedAt = now };
        db.CohortMembers.Add(member);
        // The box is only offered where the institution wrote a consent text; a ticked box without one records nothing.
        if (researchConsent && !string.IsNullOrWhiteSpace(await consents.TextAsync(cancellationToken)))
        {
            consents.Record(member, given: true);
        }

        var wanted = role == CohortRole.Instructor ? InstitutionRole.Instructor : InstitutionRole.Learner;
        var membership = await db.InstitutionMemberships.SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            db.InstitutionMemberships.Add(new InstitutionMembership { UserId = userId, Role = wanted, CreatedAt = now });
        }
        else if (!membership.Grants(wanted))
        {
            membership.Role = wanted;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same person pressed "Join" twice at once: the other request won, which is the outcome they wanted.
            db.ChangeTracker.Clear();
            return new JoinResult(JoinOutcome.AlreadyMember, cohort.Id);
        }
        return new JoinResult(JoinOutcome.Joined, cohort.Id, role, forAnotherAddress);
    }
}
