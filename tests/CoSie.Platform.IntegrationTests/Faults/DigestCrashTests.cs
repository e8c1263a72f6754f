using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CoSie.Platform.IntegrationTests.Digests;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.SelfHosting;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Faults;

// The app is killed (SIGKILL, no shutdown) while its job server sends a cohort's digests, then the platform comes up
// again. The first app is a process of its own, the build of the app itself started with `dotnet`, running its
// Hangfire server against the test database; the app that comes up afterwards is this class's host, whose clock can
// be moved past the dead worker's lease.
public sealed class DigestCrashTests(DigestCrashTests.Factory factory) : IClassFixture<DigestCrashTests.Factory>
{
    [Fact]
    public async Task An_app_killed_mid_digest_sends_each_remaining_member_exactly_one_digest_after_it_comes_back()
    {
        var cohort = await factory.CohortAsync("Crash", postFirst: false);
        var readers = new List<PlatformUser>();
        for (var i = 0; i < 8; i++)
        {
            readers.Add(await factory.PersonAsync(cohort, $"Crash reader {i}"));
        }
        var writer = await factory.PersonAsync(cohort, "Crash writer");
        await factory.ReflectionAsync(cohort, factory.P1, writer, "What survives a crash?");
        var recipients = readers.Append(factory.Instructor).Select(p => p.Email!).ToList();
        factory.AdvanceTo(factory.NextSlot(cohort));
        // The schedule claims the week's digests and queues the cohort's job; the other process's job server takes it.
        var queued = Enqueued();
        await factory.RunScheduleAsync();
        Assert.Equal(queued + 1, Enqueued());

        var held = factory.Mail.HoldNext(after: 3);
        var app = StartApp();
        try
        {
            var arrived = await Task.WhenAny(held.Arrived, Task.Delay(TimeSpan.FromMinutes(2)));
            Assert.True(arrived == held.Arrived, $"The app's job server did not send the digests. Its output:\n{app.Output}");
        }
        finally
        {
            // Killed while the SMTP server has the fourth message but has not answered it.
            await app.DisposeAsync();
        }
        var inFlight = await held.Arrived;
        held.Release();

        var deliveries = await factory.DeliveriesAsync(cohort);
        var sentBefore = deliveries.Where(d => d.Status == DigestDeliveryStatus.Sent).ToList();
        Assert.Equal(3, sentBefore.Count);
        Assert.Equal(3, factory.Mail.Messages.Count);
        var stranded = deliveries.Where(d => d.Status == DigestDeliveryStatus.Pending).ToList();
        Assert.Equal(deliveries.Count - 3, stranded.Count);
        // The dead worker still holds them: nobody else may send them until its lease has run out.
        Assert.All(stranded, d => Assert.True(d.LeaseUntil > DateTimeOffset.UtcNow, "The killed worker's lease is gone."));

        // The platform is back, and a schedule run after the lease (and the quarter of an hour in which a pending row
        // counts as stranded) finds the cohort and queues it again; its job sends the rest.
        factory.AdvanceTo(stranded.Max(d => d.LeaseUntil!.Value) > factory.Clock.GetUtcNow()
            ? stranded.Max(d => d.LeaseUntil!.Value) + TimeSpan.FromMinutes(16)
            : factory.Clock.GetUtcNow() + TimeSpan.FromMinutes(16));
        queued = Enqueued();
        await factory.RunScheduleAsync();
        Assert.Equal(queued + 1, Enqueued());
        await factory.SendCohortAsync(cohort);
        await factory.RunScheduleAsync();
        await factory.SendCohortAsync(cohort);

        foreach (var recipient in recipients)
        {
            Assert.Single(factory.Mail.To(recipient));
        }
        deliveries = await factory.DeliveriesAsync(cohort);
        Assert.All(deliveries.Where(d => d.UserId != writer.Id), d => Assert.Equal(DigestDeliveryStatus.Sent, d.Status));
        Assert.All(sentBefore, d => Assert.Equal(d.SentAt, deliveries.Single(x => x.Id == d.Id).SentAt));
        // The message that was in flight when the app died went out again under the same Message-ID.
        var again = Assert.Single(factory.Mail.To(inFlight.To.Mailboxes.Single().Address));
        Assert.Equal(inFlight.MessageId, again.MessageId);
        Assert.All(deliveries.Where(d => d.Status == DigestDeliveryStatus.Sent), d => Assert.Single(factory.Mail.Messages, m => m.MessageId == d.MessageId));
    }

    private long Enqueued() => factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default");

    // The app as its build left it (the solution is built before the tests run), configured as production would be:
    // its own role under row-level security, a job server, SMTP.
    private AppProcess StartApp()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var folder = Repository.PathTo(Path.Combine("src", "CoSie.Platform.Web", "bin", configuration, testOutput.Name));
        var port = FreePort();
        return AppProcess.Start(folder, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ConnectionStrings__Default"] = TestDatabases.AppRoleConnectionStringFor(factory.Database),
            ["ConnectionStrings__Migrations"] = factory.ConnectionString,
            ["Database__MigrateOnStartup"] = "false",
            ["Jobs__ServerEnabled"] = "true",
            ["Jobs__WorkerCount"] = "2",
            ["Email__SmtpHost"] = "127.0.0.1",
            ["Email__SmtpPort"] = factory.Mail.Port.ToString(CultureInfo.InvariantCulture),
            ["Email__SmtpSecurity"] = "None",
            ["Email__FromAddress"] = "platform@cosie.test",
            ["App__PublicBaseUrl"] = "http://localhost",
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Starts at the real time: the other process's clock is the real one, and leases it takes are compared with this
    // host's clock afterwards.
    public sealed class Factory : DigestFactory
    {
        public Factory() => Clock.SetUtcNow(DateTimeOffset.UtcNow);
    }
}
