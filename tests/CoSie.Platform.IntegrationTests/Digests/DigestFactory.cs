using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Digests;
using CoSie.Platform.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Digests;

// Two institutions, a published course in the first with three prompts over two modules, and helpers that seed
// discussion rows the way the discussion use cases write them, and run the digest jobs directly.
public class DigestFactory : PlatformFactory
{
    private int _people;

    public Institution A { get; private set; } = null!;
    public Institution B { get; private set; } = null!;
    public Course Course { get; private set; } = null!;
    public CourseModule First { get; private set; } = null!;
    public CourseModule Second { get; private set; } = null!;
    public PlatformUser Instructor { get; private set; } = null!;

    public ReflectionPrompt P1 => First.Prompts[0];
    public ReflectionPrompt P2 => First.Prompts[1];
    public ReflectionPrompt P3 => Second.Prompts[0];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        A = await this.InstitutionAsync("dig-a", "Alpha <University>");
        B = await this.InstitutionAsync("dig-b", "Beta Agency");
        Instructor = await this.MemberAsync(A, "ines@dig-a.test", InstitutionRole.Instructor);
        (Course, First, Second) = await InInstitutionAsync(A.Id, async (_, db) =>
        {
            var now = Clock.GetUtcNow();
            var course = new Course { Slug = "co-creation", Title = "Co-creation", CreatedAt = now, UpdatedAt = now };
            var first = new CourseModule { CourseId = course.Id, Slug = "spreading", Title = "Spreading co-creation", Position = 1, Status = ModuleStatus.Published, CreatedAt = now, UpdatedAt = now };
            first.Prompts.Add(new ReflectionPrompt { Position = 1, Text = "Where did co-creation spread?" });
            first.Prompts.Add(new ReflectionPrompt { Position = 2, Text = "Who was left out?" });
            var second = new CourseModule { CourseId = course.Id, Slug = "scaling", Title = "Scaling up", Position = 2, Status = ModuleStatus.Published, CreatedAt = now, UpdatedAt = now };
            second.Prompts.Add(new ReflectionPrompt { Position = 1, Text = "What would you scale?" });
            db.Courses.Add(course);
            db.Modules.AddRange(first, second);
            await db.SaveChangesAsync();
            return (course, first, second);
        });
    }

    public Task<Cohort> CohortAsync(string name, DayOfWeek day = DayOfWeek.Monday, int hour = 8, bool postFirst = true, int editWindowMinutes = 30) =>
        InInstitutionAsync(A.Id, async (_, db) =>
        {
            var cohort = new Cohort
            {
                Name = name,
                CourseId = Course.Id,
                StartsOn = new DateOnly(2026, 10, 1),
                CreatedAt = Clock.GetUtcNow(),
                DigestDay = day,
                DigestHour = hour,
                PostFirst = postFirst,
                EditWindowMinutes = editWindowMinutes,
            };
            cohort.Members.Add(new CohortMember { UserId = Instructor.Id, Role = CohortRole.Instructor, JoinedAt = Clock.GetUtcNow() });
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort;
        });

    public async Task<PlatformUser> PersonAsync(Cohort cohort, string name, CohortRole role = CohortRole.Learner, string? timeZone = null, bool confirmed = true)
    {
        var user = await this.UserAsync($"p{Interlocked.Increment(ref _people)}-{Guid.NewGuid():N}@dig-a.test", name, confirmed);
        if (timeZone is not null)
        {
            await WithServicesAsync(async services =>
            {
                var db = services.GetRequiredService<CoSie.Platform.Web.Data.PlatformDbContext>();
                await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, timeZone));
                return 0;
            });
            user.TimeZoneId = timeZone;
        }
        await this.MemberAsync(A, user, InstitutionRole.Learner);
        await InInstitutionAsync(A.Id, async (_, db) =>
        {
            db.CohortMembers.Add(new CohortMember { CohortId = cohort.Id, UserId = user.Id, Role = role, JoinedAt = Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        return user;
    }

    public Task<Reflection> ReflectionAsync(Cohort cohort, ReflectionPrompt prompt, PlatformUser author, string text, PostStatus status = PostStatus.Visible, Institution? institution = null) =>
        InInstitutionAsync((institution ?? A).Id, async (_, db) =>
        {
            var now = Clock.GetUtcNow();
            var reflection = new Reflection
            {
                CohortId = cohort.Id,
                PromptId = prompt.Id,
                AuthorId = author.Id,
                BodySource = text,
                BodyHtml = $"<p>{text}</p>",
                Status = status,
                CreatedAt = now,
                LastActivityAt = now,
            };
            db.Reflections.Add(reflection);
            db.ThreadEvents.Add(reflection.Record(ThreadEventKind.ReflectionPosted, reflection.Id, now));
            await db.SaveChangesAsync();
            return reflection;
        });

    public Task<Reply> ReplyAsync(Reflection reflection, PlatformUser author, string text, Reply? parent = null, PostStatus status = PostStatus.Visible) =>
        InInstitutionAsync(A.Id, async (_, db) =>
        {
            var now = Clock.GetUtcNow();
            var thread = await db.Reflections.SingleAsync(r => r.Id == reflection.Id);
            var parentRow = parent is null ? null : await db.Replies.SingleAsync(r => r.Id == parent.Id);
            var reply = thread.AddReply(parentRow, author.Id, text, $"<p>{text}</p>", now);
            reply.Status = status;
            db.Replies.Add(reply);
            db.ThreadEvents.Add(thread.Record(ThreadEventKind.ReplyPosted, reply.Id, now));
            await db.SaveChangesAsync();
            return reply;
        });

    public Task MentionAsync(Cohort cohort, PlatformUser mentioned, Reflection reflection, Guid postId, PlatformUser actor) =>
        InInstitutionAsync(A.Id, async (_, db) =>
        {
            db.Notifications.Add(new Notification
            {
                UserId = mentioned.Id,
                Kind = NotificationKind.Mention,
                CohortId = cohort.Id,
                ReflectionId = reflection.Id,
                PostId = postId,
                ActorId = actor.Id,
                CreatedAt = Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });

    public Task VisitAsync(PlatformUser reader, Reflection reflection) =>
        InInstitutionAsync(A.Id, async (_, db) =>
        {
            db.ThreadVisits.Add(new ThreadVisit { UserId = reader.Id, ReflectionId = reflection.Id, VisitedAt = Clock.GetUtcNow(), LastSeenSequence = 99 });
            return await db.SaveChangesAsync();
        });

    public void Advance(TimeSpan by) => Clock.Advance(by);

    public void AdvanceTo(DateTimeOffset moment)
    {
        Assert.True(moment >= Clock.GetUtcNow(), $"The clock cannot go back from {Clock.GetUtcNow():O} to {moment:O}.");
        Clock.SetUtcNow(moment);
    }

    // The next time the cohort's digest is due for a member in the institution's time zone.
    public DateTimeOffset NextSlot(Cohort cohort, string? timeZone = null) =>
        DigestSchedule.NextSlot(Clock.GetUtcNow(), DigestSchedule.ZoneFor(timeZone, A.TimeZoneId), cohort.DigestDay, cohort.DigestHour).Utc;

    public async Task RunScheduleAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScheduleDigestsJob>().RunAsync(CancellationToken.None);
    }

    public async Task<DispatchResult> SendCohortAsync(Cohort cohort)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SendCohortDigestsJob>().SendAsync(A.Id, cohort.Id, CancellationToken.None);
    }

    public async Task SendOneAsync(Guid deliveryId)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SendDigestJob>().SendAsync(A.Id, deliveryId, CancellationToken.None);
    }

    // The slot arrives: the schedule job claims, then the cohort's send job runs (no Hangfire server in tests).
    public async Task<DispatchResult> DeliverAsync(Cohort cohort)
    {
        await RunScheduleAsync();
        return await SendCohortAsync(cohort);
    }

    public Task<List<DigestDelivery>> DeliveriesAsync(Cohort cohort) =>
        InInstitutionAsync(A.Id, (_, db) => db.DigestDeliveries.AsNoTracking().Where(d => d.CohortId == cohort.Id).OrderBy(d => d.CreatedAt).ToListAsync());

    public Task<CohortMember> MembershipAsync(Cohort cohort, PlatformUser user) =>
        InInstitutionAsync(A.Id, (_, db) => db.CohortMembers.AsNoTracking().SingleAsync(m => m.CohortId == cohort.Id && m.UserId == user.Id));
}
