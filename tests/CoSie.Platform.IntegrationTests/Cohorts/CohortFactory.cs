using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Cohorts;

// Two institutions, a course in the first, and the people most cohort tests start from.
public class CohortFactory : PlatformFactory
{
    public Institution A { get; private set; } = null!;
    public Institution B { get; private set; } = null!;
    public Course Course { get; private set; } = null!;
    public PlatformUser Instructor { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        A = await this.InstitutionAsync("coh-a", "Alpha University");
        B = await this.InstitutionAsync("coh-b", "Beta Agency");
        Instructor = await this.MemberAsync(A, "ines@a.test", InstitutionRole.Instructor);
        Course = await CourseAsync(A, "co-creation", "Co-creation of Service Innovation");
    }

    public string Url(string path) => $"/{A.Slug}{path}";

    public Task<Course> CourseAsync(Institution institution, string slug, string title) =>
        InInstitutionAsync(institution.Id, async (_, db) =>
        {
            var course = new Course { Slug = slug, Title = title, CreatedAt = Clock.GetUtcNow(), UpdatedAt = Clock.GetUtcNow() };
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            return course;
        });

    public Task<Cohort> CohortAsync(string name, PlatformUser? instructor = null, DateOnly? endsOn = null, bool inviteEnabled = true) =>
        InInstitutionAsync(A.Id, async (_, db) =>
        {
            var cohort = new Cohort
            {
                Name = name,
                CourseId = Course.Id,
                StartsOn = new DateOnly(2026, 10, 1),
                EndsOn = endsOn,
                InviteEnabled = inviteEnabled,
                CreatedAt = Clock.GetUtcNow(),
            };
            cohort.Members.Add(new CohortMember { UserId = (instructor ?? Instructor).Id, Role = CohortRole.Instructor, JoinedAt = Clock.GetUtcNow() });
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort;
        });

    public Task<CohortMember> CohortMemberAsync(Cohort cohort, PlatformUser user, CohortRole role) =>
        InInstitutionAsync(A.Id, async (_, db) =>
        {
            var member = new CohortMember { CohortId = cohort.Id, UserId = user.Id, Role = role, JoinedAt = Clock.GetUtcNow() };
            db.CohortMembers.Add(member);
            await db.SaveChangesAsync();
            return member;
        });

    // A learner of the institution who is in the cohort with the given role.
    public async Task<PlatformUser> PersonInCohortAsync(Cohort cohort, CohortRole role, string? name = null)
    {
        var user = await this.UserAsync($"{Guid.NewGuid():N}@a.test", name);
        await this.MemberAsync(A, user, InstitutionRole.Learner);
        await CohortMemberAsync(cohort, user, role);
        return user;
    }

    public Task<Cohort?> FindCohortAsync(Guid id) =>
        InInstitutionAsync(A.Id, (_, db) => db.Cohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id));

    public Task<List<CohortMember>> MembersOfAsync(Guid cohortId) =>
        InInstitutionAsync(A.Id, (_, db) => db.CohortMembers.AsNoTracking().Where(m => m.CohortId == cohortId).ToListAsync());

    public Task<List<CohortInvitation>> InvitationsOfAsync(Guid cohortId) =>
        InInstitutionAsync(A.Id, (_, db) => db.CohortInvitations.AsNoTracking().Where(i => i.CohortId == cohortId).ToListAsync());

    public Task<InstitutionMembership?> MembershipAsync(Institution institution, Guid userId) =>
        InInstitutionAsync(institution.Id, (_, db) => db.InstitutionMemberships.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == userId));
}
