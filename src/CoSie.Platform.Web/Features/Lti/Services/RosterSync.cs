using System.Text.Json;
using CoSie.Platform.Web.Features.Cohorts;
using CoSie.Platform.Web.Features.Lti.Launch;

namespace CoSie.Platform.Web.Features.Lti.Services;

// Brings a cohort's people in line with its LMS course's roster (NRPS 2.0): every page of the membership container
// (following Link rel="next"), active members placed as a launch places them (an account keyed by the registration and
// `sub`, made if the LMS shares an address no other account has; Instructor and TeachingAssistant teach, Learner
// learns, a place only ever raised), inactive and deleted members taken out of the cohort (their accounts stay).
// Outcome and time are kept on the LTI context for the instructors.
public sealed class RosterSync(
    PlatformDbContext db,
    ServiceCalls calls,
    LtiPeople people,
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
        var now = clock.GetUtcNow();
        foreach (var member in roster)
        {
            var user = await people.FindAsync(platform, member.Subject);
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
            if (user is null)
            {
                // A member without an address the LMS vouches for, or whose address another account has, waits for
                // their first launch.
                user = (await people.CreateAsync(platform, member.Subject, member.Email, member.Name, now)).User;
                if (user is null)
                {
                    continue;
                }
                logger.LogInformation("Account {UserId} created from the roster of LTI platform {PlatformId}", user.Id, platform.Id);
            }
            await people.PlaceAsync(user.Id, cohortId, LaunchClaims.InstructsBy(member.Roles), LaunchClaims.LearnsBy(member.Roles), now, cancellationToken);
        }
    }
}
