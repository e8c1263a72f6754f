using System.Runtime.CompilerServices;
using CoSie.Platform.BrowserTests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Layout;

// The pages that list people and rows in tables, as the people who manage them see them: at 320 px every table
// reflows into one box per row, so that no page scrolls sideways (WCAG 1.4.10), and axe finds nothing serious at
// 320 or at 1280 px.
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
        var page = await OpenPageAsync();
        await page.SignInAsync(person, DemoSiteFactory.Password, DemoSiteFactory.Institution);
        var address = path
            .Replace("{institution}", app.InstitutionId.ToString(), StringComparison.Ordinal)
            .Replace("{cohort}", app.CohortId.ToString(), StringComparison.Ordinal)
            .Replace("{learner}", app.LearnerId.ToString(), StringComparison.Ordinal)
            .Replace("{module}", app.ModuleId.ToString(), StringComparison.Ordinal);

        var response = await page.GotoAsync(address);
        Assert.Equal(200, response?.Status);
        return page;
    }

    private async Task AssertReflowsAsync(IPage page, string name, [CallerMemberName] string test = "")
    {
        var address = new Uri(page.Url).PathAndQuery;
        await ScreenshotAsync(page, $"{name}-1280", test);
        await AssertNothingSeriousAsync(page, address, 1280);

        await page.SetViewportSizeAsync(320, 800);
        await ScreenshotAsync(page, $"{name}-320", test);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var wide = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main *')]
                .filter(e => !e.closest('.visually-hidden, [role=region]'))
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > 321 || r.left < -1); })
                .slice(0, 8)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().width) + 'px: ' + e.textContent.trim().slice(0, 60))
            """);
        Assert.True(width <= 320, $"{address} is {width} px wide at 320 px:\n" + string.Join("\n", wide));
        await AssertNothingSeriousAsync(page, address, 320);
    }

    private static async Task AssertNothingSeriousAsync(IPage page, string address, int width)
    {
        // Not into frames: the digest page's mail preview is a sandboxed frame without scripts, where axe would wait
        // for an answer that never comes. The mail's own markup is checked in the digest tests.
        var result = await page.RunAxe(new AxeRunOptions { Iframes = false });
        Assert.NotEmpty(result.Passes);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{address} at {width} px has serious or critical accessibility violations:\n" + string.Join("\n", serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target?.ToString()))}")));
    }
}
