using System.Runtime.CompilerServices;
using CoSie.Platform.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Layout;

// Pages in states the crawl (ReachablePagesTests, which checks every page reached by links at 320 and 1280 px) does not
// bring about: the landing pages with their next steps, the proposals page with an instructor's actions open, and
// pages of each kind in the dark colour scheme. Each fits 320 px, and axe finds nothing serious.
[Collection(SharedChromium.Name)]
public sealed class PageStatesTests(Chromium chromium, DemoSiteFactory app)
    : BrowserTest(chromium, app), IClassFixture<DemoSiteFactory>
{
    private const string Cohort = $"/{DemoSiteFactory.Institution}/cohorts/{{cohort}}";

    // The pages people land on: the institution's home answers "what next" for a learner and for an instructor.
    public static TheoryData<string, string, string> LandingPages() => new()
    {
        { "home-learner", $"/{DemoSiteFactory.Institution}/", DemoSiteFactory.Learner },
        { "home-instructor", $"/{DemoSiteFactory.Institution}/", DemoSiteFactory.Instructor },
        { "cohort-learner", Cohort, DemoSiteFactory.Learner },
    };

    [Fact]
    public async Task The_proposals_page_with_its_instructor_actions_reflows_at_320_pixels_and_axe_finds_nothing_serious()
    {
        var page = await OpenAsync(Cohort + "/modules/{module}/proposals", DemoSiteFactory.Instructor);
        Assert.True(await page.Locator("main .proposal").CountAsync() > 0, $"{page.Url} shows no proposal.");
        // The instructor's actions open, so that their forms are laid out and checked too.
        await page.Locator("main details.proposal-moderation summary").First.ClickAsync();
        await AssertReflowsAsync(page, "proposals");
    }

    // Pages of each kind (cards, a table, a form, prose) in the dark colour scheme.
    public static TheoryData<string, string, string> DarkPages() => new()
    {
        { "home-learner-dark", $"/{DemoSiteFactory.Institution}/", DemoSiteFactory.Learner },
        { "members-dark", Cohort + "/members", DemoSiteFactory.Instructor },
        { "insight-dark", Cohort + "/insight", DemoSiteFactory.Instructor },
        { "appearance-dark", $"/{DemoSiteFactory.Institution}/settings/appearance", DemoSiteFactory.PlatformAdmin },
        { "accessibility-statement-dark", $"/{DemoSiteFactory.Institution}/accessibility", DemoSiteFactory.Learner },
    };

    [Theory]
    [MemberData(nameof(DarkPages))]
    public async Task In_the_dark_colour_scheme_the_page_is_dark_and_axe_finds_no_contrast_problem(string name, string path, string person)
    {
        var page = await OpenAsync(path, person);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('main')).backgroundColor");
        Assert.Equal("rgb(26, 31, 39)", background);
        await AssertReflowsAsync(page, name);
    }

    [Theory]
    [MemberData(nameof(LandingPages))]
    public async Task The_landing_page_shows_what_next_reflows_at_320_pixels_and_axe_finds_nothing_serious(string name, string path, string person)
    {
        var page = await OpenAsync(path, person);
        Assert.True(await page.Locator("main section.next-steps").CountAsync() > 0, $"{page.Url} shows no next steps.");
        await AssertReflowsAsync(page, name);
    }

    private async Task<IPage> OpenAsync(string path, string person)
    {
        var page = await OpenSignedInPageAsync(person, DemoSiteFactory.Institution, DemoSiteFactory.Password);
        var address = path
            .Replace("{cohort}", app.CohortId.ToString(), StringComparison.Ordinal)
            .Replace("{module}", app.ModuleId.ToString(), StringComparison.Ordinal);

        var response = await page.GotoAsync(address);
        Assert.Equal(200, response?.Status);
        return page;
    }

    private async Task AssertReflowsAsync(IPage page, string name, [CallerMemberName] string test = "")
    {
        await ScreenshotAsync(page, $"{name}-1280", test);
        await PageChecks.AssertNothingSeriousAsync(page);
        await page.SetViewportSizeAsync(320, 800);
        await ScreenshotAsync(page, $"{name}-320", test);
        await PageChecks.AssertFitsAsync(page);
        await PageChecks.AssertNothingSeriousAsync(page);
    }
}
