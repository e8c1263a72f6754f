using System.Security.Claims;

namespace CoSie.Platform.Web.Features.Moderation;

// Which cohorts a person moderates in the current institution: all of them for its admins, the ones they instruct
// for instructors, none for anyone else. The institution-wide pages (audit log, settings) ask here.
public sealed class ModerationScope(PlatformDbContext db, CurrentMembership membership)
{
    public async Task<Scope> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var member = await membership.GetAsync(user, cancellationToken);
        if (member is null)
        {
            return new Scope(Guid.Empty, IsMember: false, IsAdmin: false, []);
        }
        var isAdmin = member.Grants(InstitutionRole.Admin);
        var userId = member.UserId;
        var cohorts = await db.Cohorts.AsNoTracking()
            .Where(c => isAdmin || db.CohortMembers.Any(m => m.CohortId == c.Id && m.UserId == userId && m.Role == CohortRole.Instructor))
            .OrderBy(c => c.Name)
            .Select(c => new CohortChoice(c.Id, c.Name))
            .ToListAsync(cancellationToken);
        return new Scope(userId, IsMember: true, isAdmin, cohorts);
    }

    public sealed record CohortChoice(Guid Id, string Name);

    public sealed record Scope(Guid UserId, bool IsMember, bool IsAdmin, IReadOnlyList<CohortChoice> Cohorts)
    {
        public bool ModeratesAny => IsAdmin || Cohorts.Count > 0;
    }
}
