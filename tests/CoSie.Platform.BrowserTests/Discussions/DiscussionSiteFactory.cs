using CoSie.Platform.BrowserTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Discussions.Posts;
using CoSie.Platform.Web.Features.Discussions.Reflections;
using CoSie.Platform.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.BrowserTests.Discussions;

// An institution with a course, a published module with one prompt and an instructor; each test opens its own cohort
// (post-first off) and writes its reflections and replies through the app's own use cases.
public sealed class DiscussionSiteFactory : BrowserAppFactory
{
    public const string InstitutionSlug = "tampere";
    public const string InstructorEmail = "ines@tampere.test";

    public Institution Institution { get; private set; } = null!;
    public PlatformUser Instructor { get; private set; } = null!;
    public Course Course { get; private set; } = null!;
    public ReflectionPrompt Prompt { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Institution = await this.InstitutionAsync(InstitutionSlug, "Tampere Service Lab");
        Instructor = await this.MemberAsync(Institution, InstructorEmail, InstitutionRole.Instructor);
        Course = await this.CourseAsync(Institution, "co-creation", "Co-creation of services", CourseVisibility.Public);
        var module = await this.ModuleAsync(Institution, Course, "spreading", "Spreading co-creation", ["What made co-creation spread in your pilot?"]);
        Prompt = module.Prompts[0];
    }

    public Task<Cohort> OpenCohortAsync(string name) => this.CohortAsync(Institution, Course, name, Instructor, c => c.PostFirst = false);

    // A cohort whose learners post first and see their peers' reflections as soon as they have (RevealOnPost).
    public Task<Cohort> RevealOnPostCohortAsync(string name) => this.CohortAsync(Institution, Course, name, Instructor, c => c.RevealOnPost = true);

    public static string ModulePath => $"/{InstitutionSlug}/courses/co-creation/spreading";

    // A learner of the institution and the cohort, who signs in with the seed password.
    public Task<PlatformUser> LearnerAsync(Cohort cohort, string name) => this.PersonInCohortAsync(Institution, cohort, name);

    public Task<Guid> WriteReflectionAsync(Cohort cohort, PlatformUser author, string body) =>
        InInstitutionAsync(Institution.Id, async (services, _) =>
            PostIdOf(await services.GetRequiredService<WriteReflection>().ExecuteAsync(cohort.Id, Prompt.Id, author.Id, body, CancellationToken.None)));

    public Task<Guid> ReplyAsync(Cohort cohort, Guid reflectionId, PlatformUser author, string body, Guid? parentId = null) =>
        InInstitutionAsync(Institution.Id, async (services, _) =>
            PostIdOf(await services.GetRequiredService<ReplyToReflection>().ExecuteAsync(
                cohort.Id, reflectionId, parentId, author.Id, body, Guid.NewGuid(), CancellationToken.None)));

    // Many replies at once, written as the use case would but in one transaction (the posting limit would take minutes).
    public Task<IReadOnlyList<Guid>> SeedRepliesAsync(Guid reflectionId, PlatformUser author, int count) =>
        this.RepliesAsTreeAsync(Institution, reflectionId, author, count);

    public Task<IReadOnlyList<Guid>> TreeOrderAsync(Guid reflectionId) =>
        InInstitutionAsync(Institution.Id, async (_, db) =>
            (IReadOnlyList<Guid>)await db.Replies.Where(r => r.ReflectionId == reflectionId).OrderBy(r => r.Path).Select(r => r.Id).ToListAsync());

    public static string ThreadPath(Cohort cohort, Guid reflectionId) => $"/{InstitutionSlug}/cohorts/{cohort.Id}/reflections/{reflectionId}";

    private static Guid PostIdOf(PostResult result)
    {
        Assert.True(result.Succeeded, $"The post was refused: {result.Outcome}");
        return result.PostId!.Value;
    }
}
