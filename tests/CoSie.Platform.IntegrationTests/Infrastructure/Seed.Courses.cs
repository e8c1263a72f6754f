using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;

namespace CoSie.Platform.IntegrationTests.Infrastructure;

// Courses, modules with their prompts, cohorts and their members, written as rows in the institution's tenant scope.
public static partial class Seed
{
    public static readonly DateOnly CohortStart = new(2026, 10, 1);

    public static Task<Course> CourseAsync(this PlatformFactory factory, Institution institution, string slug, string title, CourseVisibility visibility = CourseVisibility.MembersOnly) =>
        factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            var now = factory.Clock.GetUtcNow();
            var course = new Course { Slug = slug, Title = title, Visibility = visibility, CreatedAt = now, UpdatedAt = now };
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            return course;
        });

    // A published module at position 0 with the prompts in the given order; configure sets anything else (position,
    // status, language, body) before it is saved.
    public static Task<CourseModule> ModuleAsync(
        this PlatformFactory factory, Institution institution, Course course, string slug, string title, IReadOnlyList<string> prompts, Action<CourseModule>? configure = null) =>
        factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            var now = factory.Clock.GetUtcNow();
            var module = new CourseModule
            {
                CourseId = course.Id,
                Slug = slug,
                Title = title,
                Status = ModuleStatus.Published,
                BodyHtml = "<p>Read this.</p>",
                CreatedAt = now,
                UpdatedAt = now,
            };
            module.Prompts.AddRange(prompts.Select((text, i) => new ReflectionPrompt { Position = i, Text = text }));
            configure?.Invoke(module);
            db.Modules.Add(module);
            await db.SaveChangesAsync();
            return module;
        });

    // A cohort of the course that started on CohortStart, with the instructor (if any) as its instructor; configure
    // sets its settings (post-first, digest slot, edit window ...) before it is saved.
    public static Task<Cohort> CohortAsync(
        this PlatformFactory factory, Institution institution, Course course, string name, PlatformUser? instructor = null, Action<Cohort>? configure = null) =>
        factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            var now = factory.Clock.GetUtcNow();
            var cohort = new Cohort { Name = name, CourseId = course.Id, StartsOn = CohortStart, CreatedAt = now };
            if (instructor is not null)
            {
                cohort.Members.Add(new CohortMember { UserId = instructor.Id, Role = CohortRole.Instructor, JoinedAt = now });
            }
            configure?.Invoke(cohort);
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort;
        });

    public static Task<CohortMember> CohortMemberAsync(this PlatformFactory factory, Institution institution, Cohort cohort, PlatformUser user, CohortRole role = CohortRole.Learner) =>
        factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            var member = new CohortMember { CohortId = cohort.Id, UserId = user.Id, Role = role, JoinedAt = factory.Clock.GetUtcNow() };
            db.CohortMembers.Add(member);
            await db.SaveChangesAsync();
            return member;
        });

    // A new person (signing in with Password) who is a learner of the institution and in the cohort with the role.
    public static async Task<PlatformUser> PersonInCohortAsync(
        this PlatformFactory factory, Institution institution, Cohort cohort, string? name = null, CohortRole role = CohortRole.Learner, bool confirmed = true)
    {
        var user = await factory.UserAsync($"{Guid.NewGuid():N}@{institution.Slug}.test", name, confirmed);
        await factory.MemberAsync(institution, user, InstitutionRole.Learner);
        await factory.CohortMemberAsync(institution, cohort, user, role);
        return user;
    }
}
