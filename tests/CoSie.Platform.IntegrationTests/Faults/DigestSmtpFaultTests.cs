using CoSie.Platform.IntegrationTests.Digests;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Digests;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Faults;

// The SMTP server starts refusing in the middle of a cohort's digests, then goes away altogether, then comes back.
// The jobs run as Hangfire would run them (no job server in these tests): the cohort's job, then each retry job
// once its backoff has passed.
public sealed class DigestSmtpFaultTests(DigestFactory factory) : IClassFixture<DigestFactory>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_server_that_refuses_then_vanishes_mid_digest_gets_each_remaining_digest_once_after_backoff(bool temporarily)
    {
        var cohort = await factory.CohortAsync($"Outage {temporarily}", postFirst: false);
        var readers = new List<PlatformUser>();
        for (var i = 0; i < 6; i++)
        {
            readers.Add(await factory.PersonAsync(cohort, $"Reader {i} {temporarily}"));
        }
        var writer = await factory.PersonAsync(cohort, $"Writer {temporarily}");
        await factory.ReflectionAsync(cohort, factory.P1, writer, "What the outage taught us.");
        var recipients = readers.Append(factory.Instructor).Select(p => p.Email!).ToList();
        var before = recipients.ToDictionary(r => r, r => factory.Mail.To(r).Count);
        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.RunScheduleAsync();

        try
        {
            await OutageAsync(cohort, recipients, before, temporarily);
        }
        finally
        {
            factory.Mail.AcceptMessages();
            await factory.Mail.StartAsync();
        }
    }

    [Fact]
    public async Task A_slow_server_keeps_its_batch_leased_so_a_second_worker_running_meanwhile_sends_nothing_twice()
    {
        var (cohort, recipients, before) = await DueCohortAsync("Slow server", readers: 6);
        var slot = factory.Clock.GetUtcNow();
        try
        {
            // Each of the second and third messages takes the server six minutes: the batch runs past its first lease.
            var second = factory.Mail.HoldNext(after: 1);
            var first = factory.SendCohortAsync(cohort);
            await second.Arrived.WaitAsync(TimeSpan.FromSeconds(30));
            factory.Advance(TimeSpan.FromMinutes(6));
            var third = factory.Mail.HoldNext(after: 1);
            second.Accept();
            await third.Arrived.WaitAsync(TimeSpan.FromSeconds(30));
            factory.Advance(TimeSpan.FromMinutes(6));
            Assert.True(factory.Clock.GetUtcNow() > slot + DigestDispatcher.Lease);

            // Another worker (a retry of the job, another instance's) runs the cohort while the third message waits.
            var other = await factory.SendCohortAsync(cohort);
            third.Accept();
            var result = await first;

            Assert.Equal(0, other.Sent);
            Assert.Equal(recipients.Count, result.Sent);
            Assert.Equal(0, result.Lost);
            AssertEachReceivedOne(recipients, before);
        }
        finally
        {
            factory.Mail.AcceptMessages();
        }
    }

    [Fact]
    public async Task A_worker_whose_lease_ran_out_mid_batch_sends_none_of_the_rows_another_worker_took()
    {
        var (cohort, recipients, before) = await DueCohortAsync("Lost lease", readers: 5);
        try
        {
            // The first worker stalls on its second message for longer than its whole lease (a paused process, a
            // server slower than the SMTP timeouts allow), and the second worker takes over every row still pending.
            var stalled = factory.Mail.HoldNext(after: 1);
            var first = factory.SendCohortAsync(cohort);
            var inFlight = await stalled.Arrived.WaitAsync(TimeSpan.FromSeconds(30));
            factory.Advance(DigestDispatcher.Lease + TimeSpan.FromMinutes(1));
            var other = await factory.SendCohortAsync(cohort);
            // The stalled message is refused in the end; the first worker must not record that over the second's
            // success, nor send any of the rows the second took.
            stalled.Release();
            var result = await first;

            Assert.Equal(recipients.Count - 1, other.Sent);
            Assert.Equal(1, result.Sent);
            // The writer's digest is empty; whichever worker came to it first recorded that.
            Assert.InRange(result.Lost, recipients.Count - 1, recipients.Count);
            Assert.Empty(result.Retry);
            AssertEachReceivedOne(recipients, before);
            var deliveries = await factory.DeliveriesAsync(cohort);
            var taken = Assert.Single(deliveries, d => d.MessageId == inFlight.MessageId);
            Assert.Equal(DigestDeliveryStatus.Sent, taken.Status);
            Assert.Null(taken.LastError);
            Assert.Null(taken.LeaseUntil);
        }
        finally
        {
            factory.Mail.AcceptMessages();
        }
    }

    [Fact]
    public async Task Digests_failed_by_an_outage_longer_than_the_retries_are_sent_once_when_it_ends_and_a_refused_recipient_stays_failed()
    {
        var (cohort, recipients, before) = await DueCohortAsync("Long outage", readers: 3);
        var refused = recipients[0];
        factory.Mail.Refuse(refused);
        factory.Mail.RefuseMessages(temporarily: true);
        try
        {
            // Every attempt Hangfire makes within the hour meets a server that says "try again later" (421), and the
            // refused mailbox says "no such user" (550).
            var result = await factory.SendCohortAsync(cohort);
            Assert.Equal(recipients.Count, result.Retry.Count);
            factory.Advance(DigestDispatcher.Backoff(1));
            for (var attempt = 2; attempt <= DigestDispatcher.MaxAttempts; attempt++)
            {
                foreach (var (deliveryId, _) in result.Retry)
                {
                    if (attempt < DigestDispatcher.MaxAttempts)
                    {
                        await Assert.ThrowsAsync<DigestNotSentException>(() => factory.SendOneAsync(deliveryId));
                    }
                    else
                    {
                        await factory.SendOneAsync(deliveryId);
                    }
                }
                factory.Advance(TimeSpan.FromMinutes(15));
            }
            var failed = await factory.DeliveriesAsync(cohort);
            Assert.Equal(recipients.Count, failed.Count(d => d.Status == DigestDeliveryStatus.Failed));

            // The schedule brings the failed digests back every hour; while the outage lasts each gets one attempt.
            await factory.RunScheduleAsync();
            Assert.Equal(0, (await factory.SendCohortAsync(cohort)).Failed);
            factory.Advance(DigestDispatcher.RetryFailedEvery);
            await factory.RunScheduleAsync();
            var stillDown = await factory.SendCohortAsync(cohort);
            Assert.Equal(recipients.Count - 1, stillDown.Failed);
            Assert.Equal(0, stillDown.Sent);

            // The server is back: the next round delivers each of them, once.
            factory.Mail.AcceptMessages();
            factory.Advance(DigestDispatcher.RetryFailedEvery);
            await factory.RunScheduleAsync();
            Assert.Equal(recipients.Count - 1, (await factory.SendCohortAsync(cohort)).Sent);
            factory.Advance(DigestDispatcher.RetryFailedEvery);
            await factory.RunScheduleAsync();
            Assert.Equal(0, (await factory.SendCohortAsync(cohort)).Sent);

            foreach (var recipient in recipients)
            {
                Assert.Equal(before[recipient] + (recipient == refused ? 0 : 1), factory.Mail.To(recipient).Count);
            }
            var deliveries = await factory.DeliveriesAsync(cohort);
            var refusedUser = await factory.WithServicesAsync(s => s.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(refused));
            var stays = Assert.Single(deliveries, d => d.UserId == refusedUser!.Id);
            Assert.Equal(DigestDeliveryStatus.Failed, stays.Status);
            Assert.Contains("550", stays.LastError, StringComparison.Ordinal);
            Assert.Null(stays.LeaseUntil);
            Assert.Equal(recipients.Count - 1, deliveries.Count(d => d.Status == DigestDeliveryStatus.Sent));
        }
        finally
        {
            factory.Mail.AcceptMessages();
            factory.Mail.Accept(refused);
        }
    }

    [Fact]
    public async Task A_failed_digest_is_not_tried_again_once_its_week_is_over()
    {
        var (cohort, recipients, _) = await DueCohortAsync("Week over", readers: 1);
        var slot = factory.Clock.GetUtcNow();
        factory.Mail.RefuseMessages(temporarily: true);
        try
        {
            var result = await factory.SendCohortAsync(cohort);
            factory.Advance(DigestDispatcher.Backoff(1));
            for (var attempt = 2; attempt <= DigestDispatcher.MaxAttempts; attempt++)
            {
                foreach (var (deliveryId, _) in result.Retry)
                {
                    try
                    {
                        await factory.SendOneAsync(deliveryId);
                    }
                    catch (DigestNotSentException)
                    {
                    }
                }
            }
            Assert.Equal(recipients.Count, (await factory.DeliveriesAsync(cohort)).Count(d => d.Status == DigestDeliveryStatus.Failed));

            factory.Mail.AcceptMessages();
            factory.AdvanceTo(slot + ScheduleDigestsJob.RetryFailedWithin);
            var before = recipients.ToDictionary(r => r, r => factory.Mail.To(r).Count);
            await factory.RunScheduleAsync();
            Assert.Equal(0, (await factory.SendCohortAsync(cohort)).Sent);
            Assert.All(recipients, r => Assert.Equal(before[r], factory.Mail.To(r).Count));
        }
        finally
        {
            factory.Mail.AcceptMessages();
        }
    }

    // A cohort whose digest slot has come (the clock stands at it) and been claimed: readers, a writer whose reflection is news to them, and
    // the instructor; the recipients are the readers and the instructor.
    private async Task<(Cohort Cohort, List<string> Recipients, Dictionary<string, int> Before)> DueCohortAsync(string name, int readers)
    {
        var cohort = await factory.CohortAsync(name, postFirst: false);
        var people = new List<PlatformUser>();
        for (var i = 0; i < readers; i++)
        {
            people.Add(await factory.PersonAsync(cohort, $"{name} reader {i}"));
        }
        var writer = await factory.PersonAsync(cohort, $"{name} writer");
        await factory.ReflectionAsync(cohort, factory.P1, writer, $"What {name} taught us.");
        var recipients = people.Append(factory.Instructor).Select(p => p.Email!).ToList();
        var before = recipients.ToDictionary(r => r, r => factory.Mail.To(r).Count);
        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.RunScheduleAsync();
        return (cohort, recipients, before);
    }

    private void AssertEachReceivedOne(List<string> recipients, Dictionary<string, int> before)
    {
        foreach (var recipient in recipients)
        {
            Assert.Equal(before[recipient] + 1, factory.Mail.To(recipient).Count);
        }
    }

    private async Task OutageAsync(Cohort cohort, List<string> recipients, Dictionary<string, int> before, bool temporarily)
    {
        // Two digests go through; the third meets a server that has started refusing, and so do the rest.
        var held = factory.Mail.HoldNext(after: 2);
        var first = factory.SendCohortAsync(cohort);
        var refusedMessage = await held.Arrived.WaitAsync(TimeSpan.FromSeconds(30));
        factory.Mail.RefuseMessages(temporarily);
        held.Release();
        var result = await first;

        Assert.Equal(2, result.Sent);
        Assert.Equal(recipients.Count - 2, result.Retry.Count);
        Assert.All(result.Retry, r => Assert.Equal(DigestDispatcher.Backoff(1), r.Delay));
        var waiting = await PendingAsync(cohort);
        Assert.Equal(result.Retry.Select(r => r.DeliveryId).Order(), waiting.Select(d => d.Id).Order());
        Assert.All(waiting, d => Assert.Equal(1, d.Attempts));
        Assert.All(waiting, d => Assert.Equal(factory.Clock.GetUtcNow() + DigestDispatcher.Backoff(1), d.LeaseUntil));
        Assert.All(waiting, d => Assert.Contains(temporarily ? "421" : "554", d.LastError, StringComparison.Ordinal));

        // Backoff: running the cohort again before it has passed sends nothing.
        Assert.Equal(0, (await factory.SendCohortAsync(cohort)).Sent);

        // The server is gone: each retry after the first backoff fails to connect and stays for the next one.
        await factory.Mail.StopAsync();
        factory.Advance(DigestDispatcher.Backoff(1));
        foreach (var (deliveryId, _) in result.Retry)
        {
            await Assert.ThrowsAsync<DigestNotSentException>(() => factory.SendOneAsync(deliveryId));
        }
        waiting = await PendingAsync(cohort);
        Assert.Equal(result.Retry.Count, waiting.Count);
        Assert.All(waiting, d => Assert.Equal(2, d.Attempts));

        // It comes back, accepting again: Hangfire's next retry of each job delivers it.
        factory.Mail.AcceptMessages();
        await factory.Mail.StartAsync();
        factory.Advance(TimeSpan.FromSeconds(300));
        foreach (var (deliveryId, _) in result.Retry)
        {
            await factory.SendOneAsync(deliveryId);
        }
        await factory.SendCohortAsync(cohort);

        foreach (var recipient in recipients)
        {
            Assert.Equal(before[recipient] + 1, factory.Mail.To(recipient).Count);
        }
        var deliveries = await factory.DeliveriesAsync(cohort);
        var sent = deliveries.Where(d => d.Status == DigestDeliveryStatus.Sent).ToList();
        Assert.Equal(recipients.Count, sent.Count);
        Assert.DoesNotContain(deliveries, d => d.Status == DigestDeliveryStatus.Pending);
        // The refused message and the one delivered later are the same message to a receiving server.
        var resent = factory.Mail.Messages.Single(m => m.MessageId == refusedMessage.MessageId);
        Assert.Equal(refusedMessage.To.ToString(), resent.To.ToString());
        Assert.All(sent, d => Assert.Single(factory.Mail.Messages, m => m.MessageId == d.MessageId));
    }

    private Task<List<DigestDelivery>> PendingAsync(Cohort cohort) =>
        factory.InInstitutionAsync(factory.A.Id, (_, db) =>
            db.DigestDeliveries.AsNoTracking().Where(d => d.CohortId == cohort.Id && d.Status == DigestDeliveryStatus.Pending).ToListAsync());
}
