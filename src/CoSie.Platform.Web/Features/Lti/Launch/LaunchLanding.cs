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
    LtiPeople people,
    SignInManager<PlatformUser> signIn,
    TimeProvider clock,
    ILogger<LaunchLanding> logger)
{
    public sealed record Result(string? Destination, LaunchRefusal? Refusal, string? Detail = null, Guid UserId = default);

    public static string LoginProviderFor(Guid platformId) => LtiPeople.LoginProviderFor(platformId);

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
        var user = await people.FindAsync(platform, claims.Subject);
        if (user is null && await people.EmailTakenAsync(claims.Email))
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
            var account = await people.CreateAsync(platform, claims.Subject, claims.Email, claims.Name, now);
            if (account.User is null)
            {
                // The address is not one Identity accepts: nothing of this launch stays.
                return new(null, account.Refusal == LtiPeople.Refusal.EmailTaken ? LaunchRefusal.EmailTaken : LaunchRefusal.NoIdentity, account.Detail);
            }
            user = account.User;
            logger.LogInformation("Account {UserId} created at its first launch from LTI platform {PlatformId}", user.Id, platform.Id);
        }

        await people.PlaceAsync(user.Id, context.CohortId, claims.Instructs, claims.Learns, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (newCohort is not null)
        {
            logger.LogInformation("Cohort {CohortId} of course {CourseId} created at the first launch of context {ContextId} from LTI platform {PlatformId}",
                newCohort.Id, course.Id, claims.ContextId, platform.Id);
        }

        await Framing.LtiSession.SignInAsync(http, signIn, user, platform.InstitutionId, platform.Id);
        logger.LogInformation("Account {UserId} signed in by a launch from LTI platform {PlatformId} into cohort {CohortId}", user.Id, platform.Id, context.CohortId);
        return new(await DestinationAsync(course, context.CohortId, claims, cancellationToken), null, UserId: user.Id);
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
