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
        Course = await this.CourseAsync(A, "co-creation", "Co-creation of Service Innovation");
    }

    public string Url(string path) => $"/{A.Slug}{path}";

    public Task<Cohort> CohortAsync(string name, PlatformUser? instructor = null, DateOnly? endsOn = null, bool inviteEnabled = true) =>
        Seed.CohortAsync(this, A, Course, name, instructor ?? Instructor, c =>
        {
            c.EndsOn = endsOn;
            c.InviteEnabled = inviteEnabled;
        });

    public Task<CohortMember> CohortMemberAsync(Cohort cohort, PlatformUser user, CohortRole role) => Seed.CohortMemberAsync(this, A, cohort, user, role);

    // A learner of the institution who is in the cohort with the given role.
    public Task<PlatformUser> PersonInCohortAsync(Cohort cohort, CohortRole role, string? name = null) => Seed.PersonInCohortAsync(this, A, cohort, name, role);

    public Task<Cohort?> FindCohortAsync(Guid id) =>
        InInstitutionAsync(A.Id, (_, db) => db.Cohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id));

    public Task<List<CohortMember>> MembersOfAsync(Guid cohortId) =>
        InInstitutionAsync(A.Id, (_, db) => db.CohortMembers.AsNoTracking().Where(m => m.CohortId == cohortId).ToListAsync());

    public Task<List<CohortInvitation>> InvitationsOfAsync(Guid cohortId) =>
        InInstitutionAsync(A.Id, (_, db) => db.CohortInvitations.AsNoTracking().Where(i => i.CohortId == cohortId).ToListAsync());

    public Task<InstitutionMembership?> MembershipAsync(Institution institution, Guid userId) =>
        InInstitutionAsync(institution.Id, (_, db) => db.InstitutionMemberships.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == userId));
}
