using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.Bench;

// Seeds one institution at scale through the app's own model: a thread of 1,000 replies in a tree up to depth 6,
// threads of 10 and 100 replies, and a prompt with 500 reflections.
public sealed class BenchSeeder(string connectionString)
{
    public const string Institution = "bench";
    public const string Password = "bench-password-2026";
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public async Task<BenchData> SeedAsync(int listSize, int posters)
    {
        var institution = new Institution { Slug = Institution, Name = "Bench University", CreatedAt = Start };
        var tenant = new TenantContext();
        tenant.Set(InstitutionInfo.From(institution));
        await using var db = new PlatformDbContext(Options(), tenant);
        db.Institutions.Add(institution);

        // Hashing a password costs ~100 ms by design; one hash serves every bench account.
        var hash = new PasswordHasher<PlatformUser>().HashPassword(new PlatformUser(), Password);
        var users = Enumerable.Range(0, listSize + posters + 4).Select(i => NewUser(i == 0 ? "instructor@bench.test" : $"learner{i}@bench.test", hash, Start)).ToList();
        db.Users.AddRange(users);
        var instructor = users[0];
        var learners = users.Skip(1).ToList();

        var course = new Course { InstitutionId = institution.Id, Slug = "bench-course", Title = "Bench course", Visibility = CourseVisibility.MembersOnly, CreatedAt = Start, UpdatedAt = Start };
        var module = new CourseModule
        {
            InstitutionId = institution.Id,
            CourseId = course.Id,
            Slug = "bench-module",
            Title = "Bench module",
            Status = ModuleStatus.Published,
            BodyHtml = "<p>Bench.</p>",
            CreatedAt = Start,
            UpdatedAt = Start,
        };
        var threadsPrompt = new ReflectionPrompt { InstitutionId = institution.Id, ModuleId = module.Id, Position = 0, Text = "What did the threads teach you?" };
        var listPrompt = new ReflectionPrompt { InstitutionId = institution.Id, ModuleId = module.Id, Position = 1, Text = "What would you change?" };
        module.Prompts.AddRange([threadsPrompt, listPrompt]);
        var cohort = new Cohort { InstitutionId = institution.Id, CourseId = course.Id, Name = "Bench cohort", StartsOn = new DateOnly(2026, 9, 1), PostFirst = false, CreatedAt = Start };
        db.Courses.Add(course);
        db.Modules.Add(module);
        db.Cohorts.Add(cohort);
        db.InstitutionMemberships.Add(new InstitutionMembership { InstitutionId = institution.Id, UserId = instructor.Id, Role = InstitutionRole.Instructor, CreatedAt = Start });
        db.CohortMembers.Add(new CohortMember { InstitutionId = institution.Id, CohortId = cohort.Id, UserId = instructor.Id, Role = CohortRole.Instructor, JoinedAt = Start, DigestFrequency = DigestFrequency.Off });
        foreach (var learner in learners)
        {
            db.InstitutionMemberships.Add(new InstitutionMembership { InstitutionId = institution.Id, UserId = learner.Id, Role = InstitutionRole.Learner, CreatedAt = Start });
            // No digests: the digest scenario has cohorts of its own, and these would go out beside them.
            db.CohortMembers.Add(new CohortMember { InstitutionId = institution.Id, CohortId = cohort.Id, UserId = learner.Id, Role = CohortRole.Learner, JoinedAt = Start, DigestFrequency = DigestFrequency.Off });
        }

        var random = new Random(42);
        var threads = new Dictionary<int, Guid>();
        var author = 0;
        foreach (var size in new[] { 10, 100, 1000 })
        {
            var reflection = NewReflection(institution, cohort, threadsPrompt, learners[author++], $"A reflection that gathers {size} replies.");
            var replies = new List<Reply>();
            for (var i = 0; i < size; i++)
            {
                // Depth 0..5: six levels, the tree the thread page must render.
                var candidates = replies.Where(r => r.Depth < 5).ToList();
                var parent = replies.Count == 0 || random.NextDouble() < 0.15 ? null : candidates[random.Next(candidates.Count)];
                var reply = reflection.AddReply(parent, learners[random.Next(learners.Count)].Id, $"Reply {i}", $"<p>Reply {i}: co-creation spreads when people <em>own</em> it.</p>", Start.AddMinutes(i));
                reply.InstitutionId = institution.Id;
                replies.Add(reply);
            }
            db.Reflections.Add(reflection);
            db.Replies.AddRange(replies);
            threads[size] = reflection.Id;
        }
        for (var i = 0; i < listSize; i++)
        {
            db.Reflections.Add(NewReflection(institution, cohort, listPrompt, learners[author++], $"Reflection {i} on what to change."));
        }
        await db.SaveChangesAsync();
        return new BenchData(institution.Id, cohort.Id, listPrompt.Id, threads, instructor.Email!, learners.Skip(author).Take(posters).Select(l => l.Email!).ToList());
    }

    private DbContextOptions<PlatformDbContext> Options() =>
        new DbContextOptionsBuilder<PlatformDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsAssembly(DataServiceCollectionExtensions.MigrationsAssemblyName))
            .UseSnakeCaseNamingConvention()
            .Options;

    private static Reflection NewReflection(Institution institution, Cohort cohort, ReflectionPrompt prompt, PlatformUser author, string text) => new()
    {
        InstitutionId = institution.Id,
        CohortId = cohort.Id,
        PromptId = prompt.Id,
        AuthorId = author.Id,
        BodySource = text,
        BodyHtml = $"<p>{text}</p>",
        CreatedAt = Start,
        LastActivityAt = Start,
    };

    public static PlatformUser NewUser(string email, string hash, DateTimeOffset createdAt) => new()
    {
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        DisplayName = email.Split('@')[0],
        PasswordHash = hash,
        CreatedAt = createdAt,
    };
}
