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

    // A course of A titled "Course {slug}" with the modules in order, each with a Markdown body and its prompts.
    public async Task<Course> CourseAsync(string slug, CourseVisibility visibility, params (string Slug, string Title, ModuleStatus Status, string[] Prompts)[] modules)
    {
        var course = await Seed.CourseAsync(this, A, slug, $"Course {slug}", visibility);
        var position = 0;
        foreach (var (moduleSlug, title, status, prompts) in modules)
        {
            var at = position++;
            await this.ModuleAsync(A, course, moduleSlug, title, prompts, m =>
            {
                m.Status = status;
                m.Position = at;
                m.BodyHtml = $"<p>Body of {title}</p>";
                m.BodySource = $"Body of {title}";
            });
        }
        return course;
    }
}
