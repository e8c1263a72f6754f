using System.Text.Json;
using CoSie.Platform.Web.Features.Cohorts;
using CoSie.Platform.Web.Features.Lti.Launch;
using Microsoft.AspNetCore.Identity;

namespace CoSie.Platform.Web.Features.Lti.Services;

// Brings a cohort's people in line with its LMS course's roster (NRPS 2.0): every page of the membership container
// (following Link rel="next"), active members placed as a launch places them (an account keyed by the registration and
// `sub`, made if the LMS shares an address no other account has; Instructor and TeachingAssistant teach, Learner
// learns, a place only ever raised), inactive and deleted members taken out of the cohort (their accounts stay).
// Outcome and time are kept on the LTI context for the instructors.
public sealed class RosterSync(
    PlatformDbContext db,
    ServiceCalls calls,
    UserManager<PlatformUser> users,
    ManageCohortMembers members,
    TimeProvider clock,
    ILogger<RosterSync> logger)
{
    // A roster longer than this many pages is a loop or a mistake, not a course.
    private const int MaxPages = 200;

    public sealed record Member(string Subject, string? Name, string? Email, IReadOnlyList<string> Roles, bool Active);

    public async Task SyncAsync(Guid contextId, CancellationToken cancellationToken)
    {
        var context = await db.LtiContexts.SingleOrDefaultAsync(c => c.Id == contextId, cancellationToken);
        var platform = context is null ? null : await db.LtiPlatforms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == context.PlatformId && p.IsEnabled, cancellationToken);
        if (context?.MembershipsUrl is null || platform is null)
        {
            return;
        }
        try
        {
            var roster = await ReadAsync(platform, context.MembershipsUrl, cancellationToken);
            await ApplyAsync(platform, context.CohortId, roster, cancellationToken);
            context.RosterMembers = roster.Count(m => m.Active);
            context.RosterError = null;
            logger.LogInformation("Roster of LTI context {ContextId} synchronised: {Count} members", context.Id, roster.Count);
        }
        catch (LtiServiceException e)
        {
            db.ChangeTracker.Clear();
            context = await db.LtiContexts.SingleAsync(c => c.Id == contextId, cancellationToken);
            context.RosterError = e.Code;
            logger.LogWarning(e, "Roster of LTI context {ContextId} could not be synchronised", context.Id);
        }
        context.RosterSyncedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<List<Member>> ReadAsync(LtiPlatform platform, string url, CancellationToken cancellationToken)
    {
        var roster = new List<Member>();
        string? next = url;
        for (var page = 0; next is not null && page < MaxPages; page++)
        {
            var answer = await calls.SendAsync(platform, [Advantage.MembershipsScope], HttpMethod.Get, next, Advantage.MembershipContainer, null, null, cancellationToken);
            try
            {
                using var json = JsonDocument.Parse(answer.Body);
                foreach (var element in json.RootElement.GetProperty("members").EnumerateArray())
                {
                    if (LaunchClaims.Property(element, "user_id") is not { Length: <= 255 } subject)
                    {
                        continue;
                    }
                    var status = LaunchClaims.Property(element, "status") ?? "Active";
                    var name = LaunchClaims.Property(element, "name")
                        ?? string.Join(' ', new[] { LaunchClaims.Property(element, "given_name"), LaunchClaims.Property(element, "family_name") }.Where(s => s is not null));
                    roster.Add(new Member(subject, name, LaunchClaims.Property(element, "email"), LaunchClaims.Strings(element, "roles"),
                        string.Equals(status, "Active", StringComparison.OrdinalIgnoreCase)));
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new LtiServiceException(ServiceFailure.BadAnswer, 200, "membership container: " + e.Message);
            }
            next = ServiceCalls.Next(answer.Links);
        }
        return roster;
    }

    private async Task ApplyAsync(LtiPlatform platform, Guid cohortId, List<Member> roster, CancellationToken cancellationToken)
    {
        var loginProvider = LaunchLanding.LoginProviderFor(platform.Id);
        var now = clock.GetUtcNow();
        foreach (var member in roster)
        {
            var user = await users.FindByLoginAsync(loginProvider, member.Subject);
            if (!member.Active)
            {
                if (user is not null
                    && await db.CohortMembers.AsNoTracking().SingleOrDefaultAsync(m => m.CohortId == cohortId && m.UserId == user.Id, cancellationToken) is { } place)
                {
                    // The cohort's last instructor stays, as when an instructor removes people by hand.
                    await members.RemoveAsync(cohortId, place.Id, cancellationToken);
                }
                continue;
            }
            user ??= await CreateAsync(platform, loginProvider, member, now);
            if (user is null)
            {
                continue;
            }
            await PlaceAsync(user.Id, cohortId, member.Roles, now, cancellationToken);
        }
    }

    // The launch's rule (LaunchLanding): an account keyed by the registration and `sub`, made only with an address the
    // LMS vouches for and no other account has. A member without one waits for their first launch.
    private async Task<PlatformUser?> CreateAsync(LtiPlatform platform, string loginProvider, Member member, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(member.Email) || await users.FindByEmailAsync(member.Email) is not null)
        {
            return null;
        }
        var name = string.IsNullOrWhiteSpace(member.Name) ? member.Email.Split('@')[0] : member.Name;
        var user = new PlatformUser
        {
            UserName = member.Email,
            Email = member.Email,
            EmailConfirmed = true,
            DisplayName = name[..Math.Min(name.Length, 100)],
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user);
        var linked = created.Succeeded ? await users.AddLoginAsync(user, new UserLoginInfo(loginProvider, member.Subject, platform.DisplayName)) : created;
        if (!linked.Succeeded)
        {
            if (created.Succeeded)
            {
                await users.DeleteAsync(user);
            }
            logger.LogWarning("A roster member of LTI platform {PlatformId} got no account: {Errors}", platform.Id, string.Join(", ", linked.Errors.Select(e => e.Code)));
            return null;
        }
        logger.LogInformation("Account {UserId} created from the roster of LTI platform {PlatformId}", user.Id, platform.Id);
        return user;
    }

    private async Task PlaceAsync(Guid userId, Guid cohortId, IReadOnlyList<string> roles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var instructs = LaunchClaims.InstructsBy(roles);
        var cohortRole = instructs ? CohortRole.Instructor : LaunchClaims.LearnsBy(roles) ? CohortRole.Learner : CohortRole.Observer;
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
