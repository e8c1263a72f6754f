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
        Course = await this.CourseAsync(A, "co-creation", "Co-creation");
        First = await this.ModuleAsync(A, Course, "spreading", "Spreading co-creation", ["Where did co-creation spread?", "Who was left out?"], m => m.Position = 1);
        Second = await this.ModuleAsync(A, Course, "scaling", "Scaling up", ["What would you scale?"], m => m.Position = 2);
    }

    public Task<Cohort> CohortAsync(string name, DayOfWeek day = DayOfWeek.Monday, int hour = 8, bool postFirst = true, int editWindowMinutes = 30) =>
        Seed.CohortAsync(this, A, Course, name, Instructor, c =>
        {
            c.DigestDay = day;
            c.DigestHour = hour;
            c.PostFirst = postFirst;
            c.EditWindowMinutes = editWindowMinutes;
        });

    public async Task<PlatformUser> PersonAsync(Cohort cohort, string name, CohortRole role = CohortRole.Learner, string? timeZone = null, bool confirmed = true)
    {
        var user = await this.PersonInCohortAsync(A, cohort, name, role, confirmed);
        if (timeZone is not null)
        {
            await this.UpdateUserAsync(user.Email!, u => u.TimeZoneId = timeZone);
            user.TimeZoneId = timeZone;
        }
        return user;
    }

    public Task<Reflection> ReflectionAsync(Cohort cohort, ReflectionPrompt prompt, PlatformUser author, string text, PostStatus status = PostStatus.Visible, Institution? institution = null) =>
        Seed.ReflectionAsync(this, institution ?? A, cohort, prompt, author, text, status);

    public Task<Reply> ReplyAsync(Reflection reflection, PlatformUser author, string text, Reply? parent = null, PostStatus status = PostStatus.Visible) =>
        Seed.ReplyAsync(this, A, reflection.Id, author, text, parent, status);

    public Task MentionAsync(Cohort cohort, PlatformUser mentioned, Reflection reflection, Guid postId, PlatformUser actor) =>
        Seed.MentionAsync(this, A, cohort, mentioned, reflection.Id, postId, actor);

    public Task VisitAsync(PlatformUser reader, Reflection reflection) => Seed.VisitAsync(this, A, reader, reflection.Id, lastSeenSequence: 99);

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
