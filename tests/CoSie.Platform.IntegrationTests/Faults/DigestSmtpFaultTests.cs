using CoSie.Platform.IntegrationTests.Digests;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Digests;
using CoSie.Platform.Web.Identity;
using Microsoft.EntityFrameworkCore;

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
