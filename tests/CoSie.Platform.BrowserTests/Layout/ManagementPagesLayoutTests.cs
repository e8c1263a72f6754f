using System.Runtime.CompilerServices;
using CoSie.Platform.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Layout;

// The pages that list people and rows in tables, as the people who manage them see them: at 320 px every table
// reflows into one box per row, so that no page scrolls sideways (WCAG 1.4.10), and axe finds nothing serious at
// 1280 px (and, in ReachablePagesTests, at 320 px).
[Collection(SharedChromium.Name)]
public sealed class ManagementPagesLayoutTests(Chromium chromium, DemoSiteFactory app)
    : BrowserTest(chromium, app), IClassFixture<DemoSiteFactory>
{
    private const string Cohort = $"/{DemoSiteFactory.Institution}/cohorts/{{cohort}}";

    public static TheoryData<string, string, string> Pages() => new()
    {
        { "institutions", "/admin/institutions", DemoSiteFactory.PlatformAdmin },
        { "institution-admins", "/admin/institutions/{institution}/admins", DemoSiteFactory.PlatformAdmin },
        { "accounts", "/admin/accounts", DemoSiteFactory.PlatformAdmin },
        { "account", "/admin/accounts/{learner}", DemoSiteFactory.PlatformAdmin },
        { "audit", $"/{DemoSiteFactory.Institution}/moderation/audit", DemoSiteFactory.PlatformAdmin },
        { "sign-in-providers", $"/{DemoSiteFactory.Institution}/sso/providers", DemoSiteFactory.PlatformAdmin },
        { "cohort", Cohort, DemoSiteFactory.Instructor },
        { "members", Cohort + "/members", DemoSiteFactory.Instructor },
        { "roster", Cohort + "/roster", DemoSiteFactory.Instructor },
        { "progress", Cohort + "/progress", DemoSiteFactory.Instructor },
        { "insight", Cohort + "/insight", DemoSiteFactory.Instructor },
        { "suspensions", Cohort + "/moderation/suspensions", DemoSiteFactory.Instructor },
        { "digest", Cohort + "/digest", DemoSiteFactory.Instructor },
        { "my-digests", $"/{DemoSiteFactory.Institution}/Account/Manage/Digests", DemoSiteFactory.Learner },
    };

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

    // The institution's own settings (appearance, accessibility statement, learning platforms), its public accessibility
    // statement, and a module's cohort synthesis as a learner and an instructor see it.
    public static TheoryData<string, string, string> SettingsPages() => new()
    {
        { "appearance", $"/{DemoSiteFactory.Institution}/settings/appearance", DemoSiteFactory.PlatformAdmin },
        { "accessibility-statement-edit", $"/{DemoSiteFactory.Institution}/settings/accessibility", DemoSiteFactory.PlatformAdmin },
        { "accessibility-statement", $"/{DemoSiteFactory.Institution}/accessibility", DemoSiteFactory.Learner },
        { "lti-platforms", $"/{DemoSiteFactory.Institution}/lti/platforms", DemoSiteFactory.PlatformAdmin },
        { "lti-new-platform", $"/{DemoSiteFactory.Institution}/lti/platforms/new", DemoSiteFactory.PlatformAdmin },
        { "lti-tool", $"/{DemoSiteFactory.Institution}/lti/tool", DemoSiteFactory.PlatformAdmin },
        { "synthesis", Cohort + "/modules/{module}/synthesis", DemoSiteFactory.Learner },
        { "synthesis-instructor", Cohort + "/modules/{module}/synthesis", DemoSiteFactory.Instructor },
        { "synthesis-history", Cohort + "/modules/{module}/synthesis/history", DemoSiteFactory.Instructor },
    };

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
    [MemberData(nameof(SettingsPages))]
    public async Task The_settings_page_reflows_at_320_pixels_and_axe_finds_nothing_serious(string name, string path, string person)
    {
        var page = await OpenAsync(path, person);
        Assert.True(await page.Locator("main h1").CountAsync() == 1, $"{page.Url} has no heading.");
        await AssertReflowsAsync(page, name);
    }

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
    [MemberData(nameof(Pages))]
    public async Task The_page_reflows_at_320_pixels_and_axe_finds_nothing_serious(string name, string path, string person)
    {
        var page = await OpenAsync(path, person);
        Assert.True(await page.Locator("main table").CountAsync() > 0, $"{page.Url} shows no table to lay out.");
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
            .Replace("{institution}", app.InstitutionId.ToString(), StringComparison.Ordinal)
            .Replace("{cohort}", app.CohortId.ToString(), StringComparison.Ordinal)
            .Replace("{learner}", app.LearnerId.ToString(), StringComparison.Ordinal)
            .Replace("{module}", app.ModuleId.ToString(), StringComparison.Ordinal);

        var response = await page.GotoAsync(address);
        Assert.Equal(200, response?.Status);
        return page;
    }

    // Axe at 1280 px here; at 320 px ReachablePagesTests runs axe on every page a person reaches by links, these among
    // them, so this test only checks the width there.
    private async Task AssertReflowsAsync(IPage page, string name, [CallerMemberName] string test = "")
    {
        await PageChecks.AssertNothingSeriousAsync(page);
        await page.SetViewportSizeAsync(320, 800);
        await ScreenshotAsync(page, $"{name}-320", test);
        await PageChecks.AssertFitsAsync(page);
    }
}
