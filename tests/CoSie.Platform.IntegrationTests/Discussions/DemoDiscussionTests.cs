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
        Assert.Equal(7, reflections);
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

    // Bartek answered the first prompt days ago and has not answered the second: search finds his peers' words on the
    // first, and nothing of their reflections on the second. Through the app's row-level-security role.
    [Fact]
    public async Task A_demo_learner_finds_a_peers_reply_by_a_word_in_it_but_not_a_reflection_on_a_prompt_he_has_not_answered()
    {
        await factory.WithServicesAsync(async s => { await s.GetRequiredService<DemoSeeder>().SeedAsync(); return true; });
        var bartek = (await factory.FindUserAsync("bartek@cosie.example"))!;
        var client = await factory.CreateClientAsAsync(bartek);

        var found = await client.GetDocumentAsync($"/{DemoSeeder.InstitutionSlug}/search?q=facilitation");
        var held = await client.GetDocumentAsync($"/{DemoSeeder.InstitutionSlug}/search?q=schools");

        var reply = found.QuerySelectorAll("li.search-hit[data-kind=Reply]").Single(li => li.TextContent.Contains("Carmen", StringComparison.Ordinal));
        Assert.Equal("facilitation", reply.QuerySelector(".snippet mark")!.TextContent);
        Assert.Empty(held.QuerySelectorAll("li.search-hit[data-kind=Reflection], li.search-hit[data-kind=Reply]"));
        Assert.DoesNotContain("went to the schools", held.Body!.TextContent, StringComparison.Ordinal);
    }
}
