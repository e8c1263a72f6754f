using CoSie.Platform.BrowserTests.Infrastructure;
using Deque.AxeCore.Playwright;

namespace CoSie.Platform.BrowserTests.Accessibility;

[Collection(SharedChromium.Name)]
public sealed class AxeTests(Chromium chromium, CosieSiteFactory app)
    : BrowserTest(chromium, app), IClassFixture<CosieSiteFactory>
{
    private const string Module = $"/{CosieSiteFactory.Institution}/courses/{SeedCourses.CosieCourseSlug}/{SeedCourses.CosieModuleSlug}";

    [Theory]
    [InlineData("institution-home", $"/{CosieSiteFactory.Institution}", false)]
    [InlineData("course", $"/{CosieSiteFactory.Institution}/courses/{SeedCourses.CosieCourseSlug}", false)]
    [InlineData("module", Module, false)]
    [InlineData("module-editor", Module + "/edit", true)]
    [InlineData("import", $"/{CosieSiteFactory.Institution}/courses/{SeedCourses.CosieCourseSlug}/import", true)]
    [InlineData("new-cohort", $"/{CosieSiteFactory.Institution}/cohorts/new", true)]
    [InlineData("sign-in", $"/{CosieSiteFactory.Institution}/Account/Login", false)]
    [InlineData("registration", $"/{CosieSiteFactory.Institution}/Account/Register", false)]
    public async Task Page_has_no_serious_or_critical_axe_violations(string name, string path, bool asInstructor)
    {
        var page = asInstructor ? await OpenSignedInPageAsync(CosieSiteFactory.Instructor, CosieSiteFactory.Institution) : await OpenPageAsync();
        await page.GotoAsync(path);
        await ScreenshotAsync(page, name);

        var result = await page.RunAxe();

        Assert.NotEmpty(result.Passes); // axe ran, rather than finding nothing because it never started

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{path} has serious or critical accessibility violations:\n" + string.Join("\n", serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target?.ToString()))}")));
    }
}
