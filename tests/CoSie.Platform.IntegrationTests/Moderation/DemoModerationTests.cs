using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Moderation;

public sealed class DemoModerationTests(AppRolePlatformFactory factory) : IClassFixture<AppRolePlatformFactory>
{
    [Fact]
    public async Task The_demo_instructor_finds_one_flagged_reply_in_the_queue_after_seeding_twice()
    {
        await factory.WithServicesAsync(async s => { await s.GetRequiredService<DemoSeeder>().SeedAsync(); return true; });
        await factory.WithServicesAsync(async s => { await s.GetRequiredService<DemoSeeder>().SeedAsync(); return true; });
        var institution = await factory.WithServicesAsync(s => s.GetRequiredService<Web.Data.PlatformDbContext>().Institutions.SingleAsync(i => i.Slug == DemoSeeder.InstitutionSlug));
        var cohortId = await factory.InInstitutionAsync(institution.Id, (_, db) => db.Cohorts.Where(c => c.Name == DemoDiscussion.CohortName).Select(c => c.Id).SingleAsync());
        var instructor = await factory.CreateClientAsAsync((await factory.FindUserAsync("instructor@cosie.example"))!);

        var queue = await instructor.GetDocumentAsync($"/{DemoSeeder.InstitutionSlug}/cohorts/{cohortId}/moderation");

        Assert.Equal("1", queue.QuerySelector("#flagged .queue-count")!.TextContent);
        Assert.Contains("cheap conference tickets", queue.QuerySelector(".review-item")!.TextContent, StringComparison.Ordinal);
    }
}
