using Microsoft.AspNetCore.Identity;

namespace CoSie.Platform.Web.Features.Lti.Launch;

// A person of an LMS as this institution knows them, one rule for a launch and for a roster sync alike: the account
// keyed by the registration and `sub`, made just in time only with an address the LMS vouches for and no other account
// has, and their place in the cohort of an LMS course from their LTI roles.
public sealed class LtiPeople(PlatformDbContext db, UserManager<PlatformUser> users, ILogger<LtiPeople> logger)
{
    public enum Refusal { NoEmail, EmailTaken, NotAccepted }

    public sealed record NewAccount(PlatformUser? User, Refusal? Refusal, string? Detail = null);

    public static string LoginProviderFor(Guid platformId) => "lti:" + platformId.ToString("N");

    public Task<PlatformUser?> FindAsync(LtiPlatform platform, string subject) => users.FindByLoginAsync(LoginProviderFor(platform.Id), subject);

    public async Task<bool> EmailTakenAsync(string? email) => !string.IsNullOrWhiteSpace(email) && await users.FindByEmailAsync(email) is not null;

    // The account of a person the LMS names for the first time; nothing stays if Identity does not accept it.
    public async Task<NewAccount> CreateAsync(LtiPlatform platform, string subject, string? email, string? name, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return new(null, Refusal.NoEmail);
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            return new(null, Refusal.EmailTaken);
        }
        var displayName = string.IsNullOrWhiteSpace(name) ? email.Split('@')[0] : name;
        var user = new PlatformUser
        {
            UserName = email,
            Email = email,
            // The institution's LMS vouches for it, as a sign-in provider of the institution does.
            EmailConfirmed = true,
            DisplayName = displayName[..Math.Min(displayName.Length, 100)],
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user);
        var linked = created.Succeeded ? await users.AddLoginAsync(user, new UserLoginInfo(LoginProviderFor(platform.Id), subject, platform.DisplayName)) : created;
        if (!linked.Succeeded)
        {
            if (created.Succeeded)
            {
                await users.DeleteAsync(user);
            }
            var errors = string.Join(", ", linked.Errors.Select(e => e.Code));
            logger.LogWarning("A person of LTI platform {PlatformId} got no account: {Errors}", platform.Id, errors);
            return new(null, Refusal.NotAccepted, errors);
        }
        return new(user, null);
    }

    // Instructors and teaching assistants teach the cohort, learners learn in it, and anyone else (an LMS admin, a
    // mentor) follows it as an observer. A place is only ever added or raised here; the cohort's instructors remove people.
    public async Task PlaceAsync(Guid userId, Guid cohortId, bool instructs, bool learns, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cohortRole = instructs ? CohortRole.Instructor : learns ? CohortRole.Learner : CohortRole.Observer;
        var institutionRole = instructs ? InstitutionRole.Instructor : InstitutionRole.Learner;
        var membership = await db.InstitutionMemberships.SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            db.InstitutionMemberships.Add(new InstitutionMembership { UserId = userId, Role = institutionRole, CreatedAt = now });
        }
        else if (membership.Role < institutionRole)
        {
            membership.Role = institutionRole;
        }
        var member = await db.CohortMembers.SingleOrDefaultAsync(m => m.CohortId == cohortId && m.UserId == userId, cancellationToken);
        if (member is null)
        {
            db.CohortMembers.Add(new CohortMember { CohortId = cohortId, UserId = userId, Role = cohortRole, JoinedAt = now });
        }
        else if (member.Role < cohortRole)
        {
            member.Role = cohortRole;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
