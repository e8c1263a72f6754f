using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Demo;
using CoSie.Platform.Web.Features.Synthesis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Synthesis;

// The demo cohort's co-creation as `./cosie run` seeds it: an adopted learner proposal with answers, an open one with
// supports, and a synthesis three people wrote, stored as the editor stores it. Through the app's row-level-security role.
public sealed class DemoCoCreationTests(AppRolePlatformFactory factory) : IClassFixture<AppRolePlatformFactory>
{
    private Task<bool> SeedAsync() => factory.WithServicesAsync(async s => { await s.GetRequiredService<DemoSeeder>().SeedAsync(); return true; });

    [Fact]
    public async Task The_demo_seeds_its_proposals_and_synthesis_once_however_often_it_runs()
    {
        await SeedAsync();
        await SeedAsync();

        var institution = await factory.WithServicesAsync(s => s.GetRequiredService<Web.Data.PlatformDbContext>().Institutions.SingleAsync(i => i.Slug == DemoSeeder.InstitutionSlug));
        var seeded = await factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            var cohort = await db.Cohorts.SingleAsync(c => c.Name == DemoDiscussion.CohortName);
            var adopted = await db.PromptProposals.SingleAsync(p => p.CohortId == cohort.Id && p.Status == ProposalStatus.Adopted);
            var open = await db.PromptProposals.SingleAsync(p => p.CohortId == cohort.Id && p.Status == ProposalStatus.Pending);
            return new
            {
                Adopted = adopted,
                Answers = await db.Reflections.CountAsync(r => r.PromptId == adopted.PromptId),
                OpenSupports = await db.ProposalSupports.CountAsync(s => s.ProposalId == open.Id),
                Syntheses = await db.CohortSyntheses.Where(s => s.CohortId == cohort.Id).ToListAsync(),
                Writers = await db.SynthesisClients.Where(c => db.CohortSyntheses.Any(s => s.Id == c.SynthesisId && s.CohortId == cohort.Id)).Select(c => c.UserId).Distinct().CountAsync(),
                Revisions = await db.SynthesisRevisions.CountAsync(r => db.CohortSyntheses.Any(s => s.Id == r.SynthesisId && s.CohortId == cohort.Id)),
            };
        });

        Assert.Equal(DemoCoCreation.AdoptedPromptText, seeded.Adopted.Text);
        Assert.Equal(2, seeded.Answers);
        Assert.Equal(2, seeded.OpenSupports);
        var synthesis = Assert.Single(seeded.Syntheses);
        Assert.Equal(3, seeded.Writers);
        Assert.Equal(2, seeded.Revisions);
        // The stored Yjs document reads back as the readable texts kept beside it.
        var reading = await factory.WithServicesAsync(s => Task.FromResult(s.GetRequiredService<YjsRuntime>().Read(synthesis.State)));
        Assert.Contains("handing over facilitation", reading.Texts["agree"], StringComparison.Ordinal);
        Assert.Contains("Which of our reports", reading.Texts["questions"], StringComparison.Ordinal);
        Assert.Contains("Which of our reports", synthesis.Texts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demo_learner_opens_the_synthesis_with_its_writers_named_and_the_proposer_was_told_of_the_adoption()
    {
        await SeedAsync();
        var aino = (await factory.FindUserAsync("aino@cosie.example"))!;
        var bartek = (await factory.FindUserAsync("bartek@cosie.example"))!;
        var institution = await factory.WithServicesAsync(s => s.GetRequiredService<Web.Data.PlatformDbContext>().Institutions.SingleAsync(i => i.Slug == DemoSeeder.InstitutionSlug));
        var (cohortId, moduleId) = await factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            var synthesis = await db.CohortSyntheses.SingleAsync();
            return (synthesis.CohortId, synthesis.ModuleId);
        });
        var client = await factory.CreateClientAsAsync(aino);
        var bartekClient = await factory.CreateClientAsAsync(bartek);

        var page = await client.GetDocumentAsync($"/{DemoSeeder.InstitutionSlug}/cohorts/{cohortId}/modules/{moduleId}/synthesis");
        var notifications = await bartekClient.GetDocumentAsync($"/{DemoSeeder.InstitutionSlug}/notifications");

        var authors = string.Join(" ", page.QuerySelectorAll(".synthesis-authors").Select(p => p.TextContent));
        Assert.Contains("Aino Virtanen", authors, StringComparison.Ordinal);
        Assert.Contains("Bartek Nowak", authors, StringComparison.Ordinal);
        Assert.Contains("Carmen López", authors, StringComparison.Ordinal);
        Assert.Contains("Your proposed prompt was adopted", notifications.Body!.TextContent, StringComparison.Ordinal);
    }
}
