using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Digests;
using CoSie.Platform.Web.Identity;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.Bench;

// An institution of its own for the digest scenario: one cohort per size, each with its members and six days of
// posts, a fifth of them reflections on five prompts and the rest replies, settled past the edit window, so every
// member has something new. The cohorts' digest slot was six days ago and the members joined just after it, so the
// app's quarter-hourly schedule finds nothing due: only "Send this week's digests now" sends.
public sealed class DigestSeeder(string connectionString)
{
    public const string Institution = "digestbench";
    public const string Instructor = "instructor@digest.bench.test";

    public async Task<IReadOnlyDictionary<int, Guid>> SeedAsync(IReadOnlyList<int> sizes, int posts)
    {
        var now = DateTimeOffset.UtcNow;
        var institution = new Institution { Slug = Institution, Name = "Digest Bench University", TimeZoneId = "UTC", CreatedAt = now };
        var digestDay = now.AddDays(1).DayOfWeek;
        var slot = DigestSchedule.LatestSlot(now, TimeZoneInfo.Utc, digestDay, now.Hour);
        var joined = slot.Utc.AddMinutes(1);
        var tenant = new TenantContext();
        tenant.Set(InstitutionInfo.From(institution));
        var options = new DbContextOptionsBuilder<PlatformDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsAssembly(DataServiceCollectionExtensions.MigrationsAssemblyName))
            .UseSnakeCaseNamingConvention()
            .Options;
        var hash = new PasswordHasher<PlatformUser>().HashPassword(new PlatformUser(), BenchSeeder.Password);
        var course = new Course { InstitutionId = institution.Id, Slug = "digest-course", Title = "Digest course", Visibility = CourseVisibility.MembersOnly, CreatedAt = now, UpdatedAt = now };
        var module = new CourseModule
        {
            InstitutionId = institution.Id,
            CourseId = course.Id,
            Slug = "digest-module",
            Title = "Digest module",
            Status = ModuleStatus.Published,
            BodyHtml = "<p>Digest.</p>",
            CreatedAt = now,
            UpdatedAt = now,
        };
        var prompts = Enumerable.Range(0, 5).Select(i => new ReflectionPrompt { InstitutionId = institution.Id, ModuleId = module.Id, Position = i, Text = $"Prompt {i}: what did you learn?" }).ToList();
        module.Prompts.AddRange(prompts);
        var instructor = BenchSeeder.NewUser(Instructor, hash, now);
        await using (var db = new PlatformDbContext(options, tenant))
        {
            db.Institutions.Add(institution);
            db.Users.Add(instructor);
            db.InstitutionMemberships.Add(new InstitutionMembership { InstitutionId = institution.Id, UserId = instructor.Id, Role = InstitutionRole.Instructor, CreatedAt = now });
            db.Courses.Add(course);
            db.Modules.Add(module);
            await db.SaveChangesAsync();
        }

        var cohorts = new Dictionary<int, Guid>();
        var random = new Random(8);
        foreach (var size in sizes)
        {
            await using var db = new PlatformDbContext(options, tenant);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var cohort = new Cohort
            {
                InstitutionId = institution.Id,
                CourseId = course.Id,
                Name = $"Cohort of {size}",
                StartsOn = DateOnly.FromDateTime(joined.UtcDateTime),
                PostFirst = false,
                DigestDay = digestDay,
                DigestHour = now.Hour,
                CreatedAt = joined,
            };
            db.Cohorts.Add(cohort);
            db.CohortMembers.Add(new CohortMember { InstitutionId = institution.Id, CohortId = cohort.Id, UserId = instructor.Id, Role = CohortRole.Instructor, JoinedAt = joined });
            var members = Enumerable.Range(0, size).Select(i => BenchSeeder.NewUser($"m{i}-{size}@digest.bench.test", hash, joined)).ToList();
            db.Users.AddRange(members);
            foreach (var member in members)
            {
                db.InstitutionMemberships.Add(new InstitutionMembership { InstitutionId = institution.Id, UserId = member.Id, Role = InstitutionRole.Learner, CreatedAt = joined });
                db.CohortMembers.Add(new CohortMember { InstitutionId = institution.Id, CohortId = cohort.Id, UserId = member.Id, Role = CohortRole.Learner, JoinedAt = joined });
            }
            // Activity since they joined, all of it older than the edit window.
            DateTimeOffset When() => joined.AddMinutes(random.Next(1, (int)(now.AddHours(-1) - joined).TotalMinutes));
            var reflectionCount = Math.Min(posts / 5, size * prompts.Count);
            var reflections = new List<Reflection>(reflectionCount);
            for (var i = 0; i < reflectionCount; i++)
            {
                var created = When();
                var reflection = new Reflection
                {
                    InstitutionId = institution.Id,
                    CohortId = cohort.Id,
                    PromptId = prompts[i / size].Id,
                    AuthorId = members[i % size].Id,
                    BodySource = $"Reflection {i}: co-creation spreads when people *own* it, and the pilot showed who was left out.",
                    BodyHtml = $"<p>Reflection {i}: co-creation spreads when people <em>own</em> it.</p>",
                    CreatedAt = created,
                    LastActivityAt = created,
                };
                reflections.Add(reflection);
                db.Reflections.Add(reflection);
            }
            for (var i = reflectionCount; i < posts; i++)
            {
                var reflection = reflections[random.Next(reflections.Count)];
                var reply = reflection.AddReply(null, members[random.Next(size)].Id, $"Reply {i}: *agreed*, and here is why.", $"<p>Reply {i}: <em>agreed</em>.</p>", When());
                reply.InstitutionId = institution.Id;
                db.Replies.Add(reply);
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            cohorts[size] = cohort.Id;
        }
        return cohorts;
    }
}
