using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Digests;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Digests;

public sealed class DigestDeliveryTests(DigestFactory factory) : IClassFixture<DigestFactory>
{
    private async Task<(Cohort Cohort, Web.Identity.PlatformUser[] Readers)> BusyCohortAsync(string name, int readers)
    {
        var cohort = await factory.CohortAsync(name, postFirst: false);
        var people = new List<Web.Identity.PlatformUser>();
        for (var i = 0; i < readers; i++)
        {
            people.Add(await factory.PersonAsync(cohort, $"{name} reader {i}"));
        }
        var writer = await factory.PersonAsync(cohort, $"{name} writer");
        await factory.ReflectionAsync(cohort, factory.P1, writer, $"News in {name}.");
        return (cohort, [.. people]);
    }

    [Fact]
    public async Task After_three_weeks_of_downtime_the_schedule_sends_one_digest_not_three()
    {
        var (cohort, readers) = await BusyCohortAsync("Downtime", 1);

        factory.AdvanceTo(factory.NextSlot(cohort) + TimeSpan.FromDays(14) + TimeSpan.FromHours(3));
        await factory.DeliverAsync(cohort);
        await factory.DeliverAsync(cohort);

        Assert.Single(factory.Mail.To(readers[0].Email!));
        Assert.Single(await factory.DeliveriesAsync(cohort), d => d.UserId == readers[0].Id);
    }

    [Fact]
    public async Task Running_the_schedule_twice_claims_and_sends_each_digest_once()
    {
        var (cohort, readers) = await BusyCohortAsync("Twice", 2);
        var enqueuedBefore = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default");

        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.RunScheduleAsync();
        await factory.RunScheduleAsync();
        await factory.SendCohortAsync(cohort);
        await factory.SendCohortAsync(cohort);

        var enqueued = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default") - enqueuedBefore;
        Assert.True(enqueued >= 1, "The schedule queues the cohort's send job.");
        foreach (var reader in readers)
        {
            Assert.Single(factory.Mail.To(reader.Email!));
        }
        var deliveries = await factory.DeliveriesAsync(cohort);
        Assert.Equal(readers.Length + 2, deliveries.Count);
        Assert.Equal(deliveries.Count, deliveries.Select(d => d.UserId).Distinct().Count());
    }

    [Fact]
    public async Task A_job_that_died_after_claiming_sends_each_digest_once_when_it_resumes()
    {
        var (cohort, readers) = await BusyCohortAsync("Crash", 3);
        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.RunScheduleAsync();
        // A worker leased the rows and died before sending; another that runs meanwhile leaves them alone.
        await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.DigestDeliveries.Where(d => d.CohortId == cohort.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, factory.Clock.GetUtcNow().AddMinutes(10))));
        await factory.SendCohortAsync(cohort);
        Assert.All(readers, r => Assert.Empty(factory.Mail.To(r.Email!)));

        factory.Advance(TimeSpan.FromMinutes(11));
        await factory.SendCohortAsync(cohort);
        await factory.SendCohortAsync(cohort);

        Assert.All(readers, r => Assert.Single(factory.Mail.To(r.Email!)));
        Assert.All(await factory.DeliveriesAsync(cohort), d => Assert.NotEqual(DigestDeliveryStatus.Pending, d.Status));
    }

    [Fact]
    public async Task A_refused_recipient_does_not_stop_the_others_and_ends_failed_after_the_retries()
    {
        var (cohort, readers) = await BusyCohortAsync("Refused", 3);
        var refused = readers[1];
        factory.Mail.Refuse(refused.Email!);
        try
        {
            factory.AdvanceTo(factory.NextSlot(cohort));
            var result = await factory.DeliverAsync(cohort);

            Assert.Single(factory.Mail.To(readers[0].Email!));
            Assert.Single(factory.Mail.To(readers[2].Email!));
            var (deliveryId, delay) = Assert.Single(result.Retry);
            Assert.True(factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledCount() >= 1);
            var row = await DeliveryAsync(deliveryId);
            Assert.Equal((DigestDeliveryStatus.Pending, 1), (row.Status, row.Attempts));
            Assert.Contains("mailbox unavailable", row.LastError, StringComparison.Ordinal);

            // Hangfire's retries: the job throws while attempts are left, and gives up quietly at the last one.
            await Assert.ThrowsAsync<DigestBusyException>(() => factory.SendOneAsync(deliveryId));
            factory.Advance(delay);
            await Assert.ThrowsAsync<DigestNotSentException>(() => factory.SendOneAsync(deliveryId));
            await Assert.ThrowsAsync<DigestNotSentException>(() => factory.SendOneAsync(deliveryId));
            await factory.SendOneAsync(deliveryId);

            row = await DeliveryAsync(deliveryId);
            Assert.Equal((DigestDeliveryStatus.Failed, DigestDispatcher.MaxAttempts), (row.Status, row.Attempts));
            await factory.SendOneAsync(deliveryId);
            Assert.Empty(factory.Mail.To(refused.Email!));
            Assert.Single(factory.Mail.To(readers[0].Email!));
        }
        finally
        {
            factory.Mail.Accept(refused.Email!);
        }
    }

    [Fact]
    public async Task Every_two_weeks_skips_a_week_and_off_gets_nothing()
    {
        var (cohort, readers) = await BusyCohortAsync("Frequency", 2);
        await SetFrequencyAsync(cohort, readers[0], DigestFrequency.EveryTwoWeeks);
        await SetFrequencyAsync(cohort, readers[1], DigestFrequency.Off);

        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.DeliverAsync(cohort);
        var writer = await factory.PersonAsync(cohort, "Late writer");
        await factory.ReflectionAsync(cohort, factory.P2, writer, "Second week news.");
        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.DeliverAsync(cohort);
        await factory.ReflectionAsync(cohort, factory.P3, writer, "Third week news.");
        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.DeliverAsync(cohort);

        var twoWeekly = factory.Mail.To(readers[0].Email!);
        Assert.Equal(2, twoWeekly.Count);
        Assert.Contains("Second week news.", twoWeekly[1].TextBody, StringComparison.Ordinal);
        Assert.Empty(factory.Mail.To(readers[1].Email!));
    }

    private Task<int> SetFrequencyAsync(Cohort cohort, Web.Identity.PlatformUser user, DigestFrequency frequency) =>
        factory.InInstitutionAsync(factory.A.Id, (_, db) => db.CohortMembers.Where(m => m.CohortId == cohort.Id && m.UserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DigestFrequency, frequency)));

    private Task<DigestDelivery> DeliveryAsync(Guid id) =>
        factory.InInstitutionAsync(factory.A.Id, (_, db) => db.DigestDeliveries.AsNoTracking().SingleAsync(d => d.Id == id));
}
