using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;

namespace CoSie.Platform.IntegrationTests.Courses;

// Two institutions; A has an admin, an instructor, a learner and a public and a members-only course.
public class CourseFactory : PlatformFactory
{
    public Institution A { get; private set; } = null!;
    public Institution B { get; private set; } = null!;
    public PlatformUser Instructor { get; private set; } = null!;
    public PlatformUser Learner { get; private set; } = null!;
    public PlatformUser Stranger { get; private set; } = null!;
    public PlatformUser OtherInstructor { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        A = await this.InstitutionAsync("course-a", "Course University");
        B = await this.InstitutionAsync("course-b", "Other Agency");
        Instructor = await this.MemberAsync(A, "teacher@a.test", InstitutionRole.Instructor);
        Learner = await this.MemberAsync(A, "student@a.test", InstitutionRole.Learner);
        Stranger = await this.MemberAsync(B, "stranger@b.test", InstitutionRole.Admin);
        OtherInstructor = await this.MemberAsync(B, "teacher@b.test", InstitutionRole.Instructor);
    }

    public Task<Course> CourseAsync(string slug, CourseVisibility visibility, params (string Slug, string Title, ModuleStatus Status, string[] Prompts)[] modules) =>
        InInstitutionAsync(A.Id, async (_, db) =>
        {
            var course = new Course { Slug = slug, Title = $"Course {slug}", Visibility = visibility, CreatedAt = Clock.GetUtcNow(), UpdatedAt = Clock.GetUtcNow() };
            db.Courses.Add(course);
            var position = 0;
            foreach (var (moduleSlug, title, status, prompts) in modules)
            {
                var module = new CourseModule
                {
                    CourseId = course.Id,
                    Slug = moduleSlug,
                    Title = title,
                    Status = status,
                    Position = position++,
                    BodyHtml = $"<p>Body of {title}</p>",
                    BodySource = $"Body of {title}",
                    CreatedAt = Clock.GetUtcNow(),
                    UpdatedAt = Clock.GetUtcNow(),
                };
                module.Prompts.AddRange(prompts.Select((p, i) => new ReflectionPrompt { ModuleId = module.Id, Text = p, Position = i }));
                db.Modules.Add(module);
            }
            await db.SaveChangesAsync();
            return course;
        });
}
