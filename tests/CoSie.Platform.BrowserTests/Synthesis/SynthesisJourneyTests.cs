using CoSie.Platform.BrowserTests.Discussions;
using CoSie.Platform.BrowserTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Synthesis;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Synthesis;

// Several people typing into the same section of a synthesis at the same moment, each in a browser of their own: every
// page ends with the same text, the server's, in which every keystroke of everyone stands.
[Collection(SharedChromium.Name)]
public sealed class SynthesisJourneyTests(Chromium chromium, DiscussionSiteFactory app)
    : BrowserTest(chromium, app), IClassFixture<DiscussionSiteFactory>
{
    private DiscussionSiteFactory Site => (DiscussionSiteFactory)App;

    private string SynthesisPath(Cohort cohort) =>
        $"/{DiscussionSiteFactory.InstitutionSlug}/cohorts/{cohort.Id}/modules/{Site.Prompt.ModuleId}/synthesis";

    [Fact]
    public Task Two_browsers_typing_in_one_section_at_once_converge_with_no_lost_keystrokes() => TypeTogetherAsync(2);

    [Fact]
    public Task Ten_browsers_typing_in_one_section_at_once_converge_with_no_lost_keystrokes() => TypeTogetherAsync(10);

    [Fact]
    public async Task The_synthesis_page_has_no_serious_accessibility_violations()
    {
        var cohort = await Site.OpenCohortAsync("Accessible synthesis");
        var learner = await Site.LearnerAsync(cohort, "Aino Axe");
        var page = await OpenPageAsync();
        await page.SignInAsync(learner.Email!, institution: DiscussionSiteFactory.InstitutionSlug);
        await page.GotoAsync(SynthesisPath(cohort));
        await page.Locator("#synthesis.synthesis-live").WaitForAsync();
        await page.Locator("#text-agree").FillAsync("Line one.\nLine two.");
        await ScreenshotAsync(page, "synthesis");

        var result = await page.RunAxe();

        Assert.NotEmpty(result.Passes);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, "The synthesis page has serious or critical accessibility violations:\n" + string.Join("\n", serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target?.ToString()))}")));
    }

    private async Task TypeTogetherAsync(int people)
    {
        var cohort = await Site.OpenCohortAsync($"Typing together ({people})");
        var pages = new List<IPage>();
        for (var i = 0; i < people; i++)
        {
            var learner = await Site.LearnerAsync(cohort, $"Writer {i}");
            var page = await OpenPageAsync();
            await page.SignInAsync(learner.Email!, institution: DiscussionSiteFactory.InstitutionSlug);
            await page.GotoAsync(SynthesisPath(cohort));
            await page.Locator("#synthesis.synthesis-live").WaitForAsync();
            pages.Add(page);
        }
        var words = Enumerable.Range(0, people).Select(i => $"<{i}:co-creation-{i}>").ToArray();

        await Task.WhenAll(pages.Select(async (page, i) =>
        {
            await page.Locator("#text-agree").FocusAsync();
            await page.Locator("#text-agree").PressSequentiallyAsync(words[i] + " ", new() { Delay = 15 });
        }));
        // Each page has every keystroke once its changes are sent and the others' have arrived.
        var total = words.Sum(w => w.Length + 1);
        foreach (var page in pages)
        {
            await page.WaitForFunctionAsync(
                "([words, total]) => { const v = document.getElementById('text-agree').value; return v.length === total && words.every(w => v.includes(w)); }",
                new object[] { words, total }, new() { Timeout = 60_000 });
        }
        var stored = await Site.InInstitutionAsync(Site.Institution.Id, async (services, db) =>
        {
            var state = await db.CohortSyntheses.Where(s => s.CohortId == cohort.Id).Select(s => s.State).SingleAsync();
            return services.GetRequiredService<YjsRuntime>().Read(state).Texts["agree"];
        });
        var shown = new List<string>();
        foreach (var page in pages)
        {
            shown.Add(await page.Locator("#text-agree").InputValueAsync());
        }

        Assert.All(shown, text => Assert.Equal(stored, text));
        Assert.All(words, word => Assert.Equal(1, CountOf(stored, word)));
        Assert.Equal(total, stored.Length);
    }

    private static int CountOf(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
