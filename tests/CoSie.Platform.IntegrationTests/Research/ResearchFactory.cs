using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Research;

// Two institutions under row-level security, a course with a module and a prompt in the first, and its admin and
// instructor; an instructor in the second. Each test makes its own cohort.
public sealed class ResearchFactory : AppRolePlatformFactory
{
    public const string ConsentText = "The Alpha research group studies how\npeople learn together.";

    public Institution A { get; private set; } = null!;
    public Institution B { get; private set; } = null!;
    public Course Course { get; private set; } = null!;
    public CourseModule Module { get; private set; } = null!;
    public ReflectionPrompt Prompt => Module.Prompts[0];
    public PlatformUser Admin { get; private set; } = null!;
    public PlatformUser Instructor { get; private set; } = null!;
    public PlatformUser InstructorB { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        A = await this.InstitutionAsync("res-a", "Alpha University");
        B = await this.InstitutionAsync("res-b", "Beta Agency");
        Admin = await this.MemberAsync(A, "admin@res-a.test", InstitutionRole.Admin);
        Instructor = await this.MemberAsync(A, "ines@res-a.test", InstitutionRole.Instructor);
        InstructorB = await this.MemberAsync(B, "ines@res-b.test", InstitutionRole.Instructor);
        Course = await this.CourseAsync(A, "co-creation", "Co-creation of Service Innovation");
        Module = await this.ModuleAsync(A, Course, "spreading", "Spreading co-creation", ["What made co-creation spread?"]);
    }

    public string Url(string path) => $"/{A.Slug}{path}";

    public Task<Cohort> CohortAsync(string name) => Seed.CohortAsync(this, A, Course, name, Instructor, c => c.PostFirst = false);

    public Task<PlatformUser> LearnerAsync(Cohort cohort, string name) => Seed.PersonInCohortAsync(this, A, cohort, name);

    public Task SetConsentTextAsync(string? text) =>
        InInstitutionAsync(A.Id, (_, db) => db.Institutions.Where(i => i.Id == A.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ResearchConsentText, text)));

    public Task ConsentAsync(Cohort cohort, PlatformUser user) =>
        InInstitutionAsync(A.Id, (_, db) => db.CohortMembers.Where(m => m.CohortId == cohort.Id && m.UserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ResearchConsent, true)));

    public Task<Helpful> HelpfulAsync(Guid reflectionId, Guid postId, PlatformUser user) =>
        InInstitutionAsync(A.Id, async (_, db) =>
        {
            var mark = new Helpful { ReflectionId = reflectionId, PostId = postId, UserId = user.Id, CreatedAt = Clock.GetUtcNow() };
            db.Helpfuls.Add(mark);
            await db.SaveChangesAsync();
            return mark;
        });

    public Task<List<ResearchConsentChange>> ConsentHistoryAsync(Cohort cohort, PlatformUser user) =>
        InInstitutionAsync(A.Id, (_, db) => db.ResearchConsentChanges.AsNoTracking()
            .Where(c => c.CohortId == cohort.Id && c.UserId == user.Id).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync());

    public Task<CohortMember> MemberOfAsync(Cohort cohort, PlatformUser user) =>
        InInstitutionAsync(A.Id, (_, db) => db.CohortMembers.AsNoTracking().SingleAsync(m => m.CohortId == cohort.Id && m.UserId == user.Id));

    public Task<List<ResearchExport>> ExportsOfAsync(Cohort cohort) =>
        InInstitutionAsync(A.Id, (_, db) => db.ResearchExports.AsNoTracking().Where(e => e.CohortId == cohort.Id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync());
}
