using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure.Oidc;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Lti.Maintenance;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Lti;

public sealed class SweepLtiNoncesTests(SsoFactory factory) : IClassFixture<SsoFactory>
{
    private async Task<string> NonceAsync(Institution institution, LtiPlatform platform, DateTimeOffset expiresAt)
    {
        var value = Guid.NewGuid().ToString("N");
        await factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            db.LtiNonces.Add(new LtiNonce { Value = value, PlatformId = platform.Id, ExpiresAt = expiresAt });
            return await db.SaveChangesAsync();
        });
        return value;
    }

    private async Task<string> DeepLinkingRequestAsync(Institution institution, LtiPlatform platform, DateTimeOffset expiresAt)
    {
        var id = Guid.NewGuid().ToString("N");
        await factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            db.LtiDeepLinkingRequests.Add(new LtiDeepLinkingRequest { Id = id, PlatformId = platform.Id, DeploymentId = "1", ReturnUrl = "https://lms.example.org/return", ExpiresAt = expiresAt });
            return await db.SaveChangesAsync();
        });
        return id;
    }

    [Fact]
    public async Task The_sweep_deletes_expired_nonces_of_every_institution_and_keeps_those_still_usable()
    {
        await using var lms = await LtiPlatformSimulator.StartAsync();
        var a = await factory.InstitutionAsync("sweep-" + Guid.NewGuid().ToString("N")[..8], "Sweep A");
        var b = await factory.InstitutionAsync("sweep-" + Guid.NewGuid().ToString("N")[..8], "Sweep B");
        var platformOfA = await lms.RegisterAsync(factory, a);
        var platformOfB = await lms.RegisterAsync(factory, b);
        var now = factory.Clock.GetUtcNow();
        var expiredOfA = await NonceAsync(a, platformOfA, now - TimeSpan.FromMinutes(1));
        var validOfA = await NonceAsync(a, platformOfA, now + TimeSpan.FromMinutes(5));
        var expiredOfB = await NonceAsync(b, platformOfB, now - TimeSpan.FromHours(3));
        var validOfB = await NonceAsync(b, platformOfB, now + TimeSpan.FromMinutes(1));

        var expiredRequest = await DeepLinkingRequestAsync(a, platformOfA, now - TimeSpan.FromMinutes(1));
        var validRequest = await DeepLinkingRequestAsync(a, platformOfA, now + TimeSpan.FromMinutes(5));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SweepLtiNoncesJob>().RunAsync(CancellationToken.None);
        }

        var leftInA = await factory.InInstitutionAsync(a.Id, (_, db) => db.LtiNonces.Select(n => n.Value).ToListAsync());
        var leftInB = await factory.InInstitutionAsync(b.Id, (_, db) => db.LtiNonces.Select(n => n.Value).ToListAsync());
        Assert.Equal([validOfA], leftInA);
        Assert.Equal([validOfB], leftInB);
        Assert.DoesNotContain(expiredOfA, leftInA);
        Assert.DoesNotContain(expiredOfB, leftInB);
        Assert.Equal([validRequest], await factory.InInstitutionAsync(a.Id, (_, db) => db.LtiDeepLinkingRequests.Select(r => r.Id).ToListAsync()));
        Assert.NotEqual(expiredRequest, validRequest);
    }

    [Fact]
    public async Task The_sweep_deletes_expired_launch_tickets_and_keeps_those_still_usable()
    {
        await using var lms = await LtiPlatformSimulator.StartAsync();
        var institution = await factory.InstitutionAsync("sweep-" + Guid.NewGuid().ToString("N")[..8], "Sweep tickets");
        var platform = await lms.RegisterAsync(factory, institution);
        var user = await factory.UserAsync($"ticket.{institution.Slug}@example.org", "Ticket Holder");
        var now = factory.Clock.GetUtcNow();
        var expired = new string('e', 64);
        var usable = new string('a', 64);
        await factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            db.LtiLaunchTickets.Add(new LtiLaunchTicket { Hash = expired, PlatformId = platform.Id, UserId = user.Id, Destination = "~/", ExpiresAt = now - TimeSpan.FromSeconds(1) });
            db.LtiLaunchTickets.Add(new LtiLaunchTicket { Hash = usable, PlatformId = platform.Id, UserId = user.Id, Destination = "~/", ExpiresAt = now + TimeSpan.FromMinutes(4) });
            return await db.SaveChangesAsync();
        });

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SweepLtiNoncesJob>().RunAsync(CancellationToken.None);
        }

        Assert.Equal([usable], await factory.InInstitutionAsync(institution.Id, (_, db) => db.LtiLaunchTickets.Select(t => t.Hash).ToListAsync()));
    }

    [Fact]
    public void The_sweep_is_a_recurring_job()
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == SweepLtiNoncesJob.RecurringJobId && j.Cron == SweepLtiNoncesJob.Cron);
    }
}
