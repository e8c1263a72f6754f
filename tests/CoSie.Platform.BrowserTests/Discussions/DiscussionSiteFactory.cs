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
        Course = await this.CourseAsync(Institution, "co-creation", "Co-creation of services");
        Prompt = await InInstitutionAsync(Institution.Id, async (_, db) =>
        {
            var now = Clock.GetUtcNow();
            var module = new CourseModule
            {
                CourseId = Course.Id,
                Slug = "spreading",
                Title = "Spreading co-creation",
                Status = ModuleStatus.Published,
                BodyHtml = "<p>Read this.</p>",
                CreatedAt = now,
                UpdatedAt = now,
            };
            var prompt = new ReflectionPrompt { Position = 0, Text = "What made co-creation spread in your pilot?" };
            module.Prompts.Add(prompt);
            db.Modules.Add(module);
            await db.SaveChangesAsync();
            return prompt;
        });
    }

    public Task<Cohort> OpenCohortAsync(string name) =>
        InInstitutionAsync(Institution.Id, async (_, db) =>
        {
            var now = Clock.GetUtcNow();
            var cohort = new Cohort { Name = name, CourseId = Course.Id, StartsOn = new DateOnly(2026, 10, 1), PostFirst = false, CreatedAt = now };
            cohort.Members.Add(new CohortMember { UserId = Instructor.Id, Role = CohortRole.Instructor, JoinedAt = now });
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort;
        });

    // A learner of the institution and the cohort, who signs in with the seed password.
    public async Task<PlatformUser> LearnerAsync(Cohort cohort, string name)
    {
        var user = await this.UserAsync($"{Guid.NewGuid():N}@tampere.test", name);
        await this.MemberAsync(Institution, user, InstitutionRole.Learner);
        await InInstitutionAsync(Institution.Id, async (_, db) =>
        {
            db.CohortMembers.Add(new CohortMember { CohortId = cohort.Id, UserId = user.Id, Role = CohortRole.Learner, JoinedAt = Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        return user;
    }

    public Task<Guid> WriteReflectionAsync(Cohort cohort, PlatformUser author, string body) =>
        InInstitutionAsync(Institution.Id, async (services, _) =>
            PostIdOf(await services.GetRequiredService<WriteReflection>().ExecuteAsync(cohort.Id, Prompt.Id, author.Id, body, CancellationToken.None)));

    public Task<Guid> ReplyAsync(Cohort cohort, Guid reflectionId, PlatformUser author, string body, Guid? parentId = null) =>
        InInstitutionAsync(Institution.Id, async (services, _) =>
            PostIdOf(await services.GetRequiredService<ReplyToReflection>().ExecuteAsync(
                cohort.Id, reflectionId, parentId, author.Id, body, Guid.NewGuid(), CancellationToken.None)));

    // Many replies at once, written as the use case would but in one transaction (the posting limit would take minutes):
    // every third answers the one before it. Returns the thread's reply ids in tree order.
    public Task<IReadOnlyList<Guid>> SeedRepliesAsync(Guid reflectionId, PlatformUser author, int count) =>
        InInstitutionAsync(Institution.Id, async (_, db) =>
        {
            var now = Clock.GetUtcNow();
            var reflection = await db.Reflections.SingleAsync(r => r.Id == reflectionId);
            Reply? previous = null;
            for (var i = 0; i < count; i++)
            {
                var reply = reflection.AddReply(i % 3 == 2 ? previous : null, author.Id, $"Seeded reply {i}", $"<p>Seeded reply {i}</p>", now);
                db.Replies.Add(reply);
                db.ThreadEvents.Add(reflection.Record(ThreadEventKind.ReplyPosted, reply.Id, now));
                previous = reply;
            }
            await db.SaveChangesAsync();
            return await TreeOrderAsync(reflectionId);
        });

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
