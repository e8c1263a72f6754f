using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoSie.Platform.IntegrationTests.Tenancy;

// The recurring jobs' fan-out (TenantScopes.ForEachInstitutionAsync): each institution in its own scope, in the order of
// their slugs, one institution's failure kept to itself.
public sealed class TenantFanOutTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task One_institutions_failure_leaves_the_others_done_and_fails_the_run_at_the_end()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var first = await factory.InstitutionAsync($"fan-a-{tag}", "Fan A");
        var broken = await factory.InstitutionAsync($"fan-b-{tag}", "Fan B");
        var last = await factory.InstitutionAsync($"fan-c-{tag}", "Fan C");
        var scopes = factory.Services.GetRequiredService<TenantScopes>();
        var logger = factory.Services.GetRequiredService<ILogger<TenantFanOutTests>>();
        var seen = new List<(Guid Institution, Guid? Tenant)>();

        var run = await Assert.ThrowsAsync<AggregateException>(() => scopes.ForEachInstitutionAsync((info, services) =>
        {
            seen.Add((info.Id, services.GetRequiredService<TenantContext>().Institution?.Id));
            return info.Id == broken.Id ? throw new InvalidOperationException("Fan B broke.") : Task.CompletedTask;
        }, logger, CancellationToken.None, [last.Id, broken.Id, first.Id]));

        Assert.Equal([first.Id, broken.Id, last.Id], seen.Select(s => s.Institution));
        Assert.Equal([first.Id, broken.Id, last.Id], seen.Select(s => s.Tenant));
        Assert.Equal("Fan B broke.", Assert.Single(run.InnerExceptions).Message);
    }
}
