using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Discussions;

public sealed class DemoDiscussionTests(AppRolePlatformFactory factory) : IClassFixture<AppRolePlatformFactory>
{
    [Fact]
    public async Task The_demo_seeds_a_living_discussion_once_that_a_demo_learner_sees_at_once()
    {
        await factory.WithServicesAsync(async s => { await s.GetRequiredService<DemoSeeder>().SeedAsync(); return true; });
        await factory.WithServicesAsync(async s => { await s.GetRequiredService<DemoSeeder>().SeedAsync(); return true; });

        var institution = await factory.WithServicesAsync(s => s.GetRequiredService<Web.Data.PlatformDbContext>().Institutions.SingleAsync(i => i.Slug == DemoSeeder.InstitutionSlug));
        var (cohortId, reflections, replies) = await factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            var cohort = await db.Cohorts.SingleAsync(c => c.Name == DemoDiscussion.CohortName);
            return (cohort.Id, await db.Reflections.CountAsync(r => r.CohortId == cohort.Id), await db.Replies.CountAsync());
        });
        Assert.Equal(5, reflections);
        Assert.Equal(6, replies);

        var aino = (await factory.FindUserAsync("aino@cosie.example"))!;
        var client = await factory.CreateClientAsAsync(aino);
        var module = await client.GetDocumentAsync($"/{DemoSeeder.InstitutionSlug}/courses/{DemoCourse.CourseSlug}");
        var moduleLink = module.QuerySelector(".module-list a")!.GetAttribute("href")!;
        var modulePage = await client.GetDocumentAsync(moduleLink);
        var discussion = modulePage.QuerySelector("a.discussion-link")!.GetAttribute("href")!;
        var list = await client.GetDocumentAsync(discussion);
        Assert.Equal(3, list.QuerySelectorAll(".reflection-summary").Length);
        Assert.Contains($"/cohorts/{cohortId}/prompts/", discussion, StringComparison.Ordinal);
    }
}
