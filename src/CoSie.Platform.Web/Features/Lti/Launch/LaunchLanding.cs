using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace CoSie.Platform.Web.Features.Lti.Launch;

// Turns a validated launch into a session in the right place: the account linked to the registration and `sub` (made
// at the first launch, with the name and address the LMS shares, as a sign-in provider's first sign-in makes one), the
// cohort of the LMS course (made at its first launch, for the course the link names with the custom parameter
// `course`), the person's place in it from their LTI roles, and the module (`module`) or prompt (`prompt`) the link
// names. Everything is checked before anything is written, and written in one transaction.
public sealed class LaunchLanding(
    PlatformDbContext db,
    UserManager<PlatformUser> users,
    SignInManager<PlatformUser> signIn,
    TimeProvider clock,
    ILogger<LaunchLanding> logger)
{
    public sealed record Result(string? Destination, LaunchRefusal? Refusal, string? Detail = null);

    public static string LoginProviderFor(Guid platformId) => "lti:" + platformId.ToString("N");

    public async Task<Result> LandAsync(HttpContext http, LtiPlatform platform, LaunchClaims claims)
    {
        try
        {
            return await TryLandAsync(http, platform, claims);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The first two launches of a course or a person at once: the other one made the rows; use them.
            db.ChangeTracker.Clear();
            logger.LogInformation("A launch of LTI platform {PlatformId} met a launch that made the same rows at the same time; landing again", platform.Id);
            return await TryLandAsync(http, platform, claims);
        }
    }

    private async Task<Result> TryLandAsync(HttpContext http, LtiPlatform platform, LaunchClaims claims)
    {
        var cancellationToken = http.RequestAborted;
        var loginProvider = LoginProviderFor(platform.Id);
        var user = await users.FindByLoginAsync(loginProvider, claims.Subject);
        if (user is null && await users.FindByEmailAsync(claims.Email!) is not null)
        {
            return new(null, LaunchRefusal.EmailTaken);
        }
        if (user is not null && (!await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user)))
        {
            return new(null, LaunchRefusal.AccountDisabled, user.Id.ToString());
        }
        if (claims.ContextId is null)
        {
            return new(null, LaunchRefusal.NoCourse, "no context claim");
        }

        var context = await db.LtiContexts.SingleOrDefaultAsync(c => c.PlatformId == platform.Id && c.ContextId == claims.ContextId, cancellationToken);
        Cohort? newCohort = null;
        Course course;
        if (context is null)
        {
            var slug = claims.Course?.ToLowerInvariant();
            var named = slug is null ? null : await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
            if (named is null)
            {
                return new(null, LaunchRefusal.NoCourse, claims.Course);
            }
            course = named;
        }
        else
        {
            course = await db.Cohorts.Where(c => c.Id == context.CohortId).Join(db.Courses, c => c.CourseId, c => c.Id, (_, c) => c)
                .AsNoTracking().SingleAsync(cancellationToken);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (context is null)
        {
            var title = string.IsNullOrWhiteSpace(claims.ContextTitle) ? course.Title : claims.ContextTitle;
            newCohort = new Cohort
            {
                CourseId = course.Id,
                Name = title[..Math.Min(title.Length, 100)],
                StartsOn = DateOnly.FromDateTime(now.UtcDateTime),
                CreatedAt = now,
                // Its people arrive through the LMS, not by an invitation.
                InviteEnabled = false,
            };
            db.Cohorts.Add(newCohort);
            context = new LtiContext { PlatformId = platform.Id, ContextId = claims.ContextId, CohortId = newCohort.Id, Title = title[..Math.Min(title.Length, 200)], CreatedAt = now };
            db.LtiContexts.Add(context);
            await db.SaveChangesAsync(cancellationToken);
        }
        if (user is null)
        {
            var email = claims.Email!;
            var name = string.IsNullOrWhiteSpace(claims.Name) ? email.Split('@')[0] : claims.Name;
            user = new PlatformUser
            {
                UserName = email,
                Email = email,
                // The institution's LMS vouches for it, as a sign-in provider of the institution does.
                EmailConfirmed = true,
                DisplayName = name[..Math.Min(name.Length, 100)],
                CreatedAt = now,
            };
            var created = await users.CreateAsync(user);
            var linked = created.Succeeded
                ? await users.AddLoginAsync(user, new UserLoginInfo(loginProvider, claims.Subject, platform.DisplayName))
                : created;
            if (!linked.Succeeded)
            {
                // The address is not one Identity accepts: nothing of this launch stays.
                return new(null, LaunchRefusal.NoIdentity, string.Join(", ", linked.Errors.Select(e => e.Code)));
            }
            logger.LogInformation("Account {UserId} created at its first launch from LTI platform {PlatformId}", user.Id, platform.Id);
        }

        await PlaceAsync(user, context.CohortId, claims, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (newCohort is not null)
        {
            logger.LogInformation("Cohort {CohortId} of course {CourseId} created at the first launch of context {ContextId} from LTI platform {PlatformId}",
                newCohort.Id, course.Id, claims.ContextId, platform.Id);
        }

        // The session's cookies must work in the LMS's frame (Framing/LtiCookies).
        Framing.LtiSession.MarkLaunch(http);
        await signIn.SignInWithClaimsAsync(user, new Microsoft.AspNetCore.Authentication.AuthenticationProperties(),
            [new Claim(PlatformClaims.SignInInstitution, platform.InstitutionId.ToString()), Framing.LtiSession.ClaimFor(platform.Id)]);
        logger.LogInformation("Account {UserId} signed in by a launch from LTI platform {PlatformId} into cohort {CohortId}", user.Id, platform.Id, context.CohortId);
        return new(await DestinationAsync(course, context.CohortId, claims, cancellationToken), null);
    }

    // Instructors and teaching assistants teach the cohort, learners learn in it, and anyone else (an LMS admin, a
    // mentor) follows it as an observer. A place is only ever added or raised here; the cohort's instructors remove people.
    private async Task PlaceAsync(PlatformUser user, Guid cohortId, LaunchClaims claims, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cohortRole = claims.Instructs ? CohortRole.Instructor : claims.Learns ? CohortRole.Learner : CohortRole.Observer;
        var institutionRole = claims.Instructs ? InstitutionRole.Instructor : InstitutionRole.Learner;
        var membership = await db.InstitutionMemberships.SingleOrDefaultAsync(m => m.UserId == user.Id, cancellationToken);
        if (membership is null)
        {
            db.InstitutionMemberships.Add(new InstitutionMembership { UserId = user.Id, Role = institutionRole, CreatedAt = now });
        }
        else if (membership.Role < institutionRole)
        {
            membership.Role = institutionRole;
        }
        var member = await db.CohortMembers.SingleOrDefaultAsync(m => m.CohortId == cohortId && m.UserId == user.Id, cancellationToken);
        if (member is null)
        {
            db.CohortMembers.Add(new CohortMember { CohortId = cohortId, UserId = user.Id, Role = cohortRole, JoinedAt = now });
        }
        else if (member.Role < cohortRole)
        {
            member.Role = cohortRole;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    // The prompt the link names if it is asked in this cohort, else the module it names if published, else the cohort.
    private async Task<string> DestinationAsync(Course course, Guid cohortId, LaunchClaims claims, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(claims.Prompt, out var promptId)
            && await db.ReflectionPrompts.AnyAsync(p => p.Id == promptId && (p.CohortId == null || p.CohortId == cohortId)
                && db.Modules.Any(m => m.Id == p.ModuleId && m.CourseId == course.Id && m.Status == ModuleStatus.Published), cancellationToken))
        {
            return $"~/cohorts/{cohortId}/prompts/{promptId}";
        }
        if (claims.Module?.ToLowerInvariant() is { } module
            && await db.Modules.AnyAsync(m => m.CourseId == course.Id && m.Slug == module && m.Status == ModuleStatus.Published, cancellationToken))
        {
            return $"~/courses/{course.Slug}/{module}";
        }
        return $"~/cohorts/{cohortId}";
    }
}
