using System.Runtime.CompilerServices;
using CoSie.Platform.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Layout;

// The pages about people and what they give: a member's profile, the account's picture, research consent (the
// institution's text and the member's choice) and the learner's portfolio file. Each reflows at 320 px with nothing
// serious for axe at 320 and 1280 px, and the consent journey is done by keyboard alone.
[Collection(SharedChromium.Name)]
public sealed class ResearchAndPeoplePagesTests(Chromium chromium, DemoSiteFactory app)
    : BrowserTest(chromium, app), IClassFixture<DemoSiteFactory>
{
    private const string Institution = DemoSiteFactory.Institution;

    public static TheoryData<string, string, string> Pages() => new()
    {
        { "profile", $"/{Institution}/cohorts/{{cohort}}/people/{{learner}}", DemoSiteFactory.Instructor },
        { "account-picture", $"/{Institution}/Account/Manage", DemoSiteFactory.Learner },
        { "my-research", $"/{Institution}/Account/Manage/Research", DemoSiteFactory.Learner },
        { "research-consent-text", $"/{Institution}/settings/research", DemoSiteFactory.PlatformAdmin },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_reflows_at_320_pixels_and_axe_finds_nothing_serious(string name, string path, string person)
    {
        var page = await OpenAsync(path, person);
        Assert.Equal(1, await page.Locator("main h1").CountAsync());
        await AssertReflowsAsync(page, "main", name);
    }

    [Fact]
    public async Task The_portfolio_file_reads_at_320_pixels_and_axe_finds_nothing_serious()
    {
        var page = await OpenAsync($"/{Institution}/Account/Manage/Research", DemoSiteFactory.Learner);
        // The file is a download; its own markup is what a person opens, so the page is set to exactly that.
        var file = await page.APIRequest.GetAsync($"/{Institution}/Account/Manage/Portfolio/{app.CohortId}?format=html");
        Assert.Equal(200, file.Status);
        Assert.StartsWith("text/html", file.Headers["content-type"], StringComparison.Ordinal);
        var html = await file.TextAsync();
        // Opened as a file is opened: outside the site, so that the site's own Content-Security-Policy plays no part.
        await page.GotoAsync("about:blank");
        await page.SetContentAsync(html);
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.True(await page.Locator("body h2, body h3").CountAsync() > 0, "The portfolio holds no section.");
        await AssertReflowsAsync(page, "body", "portfolio");
    }

    // At 320 px and without a mouse: the institution writes its consent text, a learner gives consent, withdraws it,
    // and reaches the portfolio's download.
    [Fact]
    public async Task Consent_is_written_given_and_withdrawn_by_keyboard_at_320_pixels()
    {
        var admin = await OpenAsync($"/{Institution}/settings/research", DemoSiteFactory.PlatformAdmin);
        await admin.SetViewportSizeAsync(320, 800);
        await TabToAsync(admin, "textarea[name='Input.Text']");
        await admin.Keyboard.PressAsync("Control+A");
        await admin.Keyboard.TypeAsync("The Demo University studies how cohorts co-create. Withdraw at any time in your account.");
        await TabToAsync(admin, "main form button[type=submit]");
        await admin.Keyboard.PressAsync("Enter");
        await admin.Locator(".notice").Filter(new LocatorFilterOptions { HasText = "The research consent text is saved." }).WaitForAsync();
        Assert.Contains("co-create", await admin.Locator("textarea[name='Input.Text']").InputValueAsync(), StringComparison.Ordinal);
        await PageChecks.AssertFitsAsync(admin);

        var learner = await OpenAsync($"/{Institution}/Account/Manage/Research", DemoSiteFactory.Learner);
        await learner.SetViewportSizeAsync(320, 800);
        var row = $"#cohort-{app.CohortId}";
        await TabToAsync(learner, $"{row} summary, main details > summary");
        await learner.Keyboard.PressAsync("Enter");
        Assert.True(await learner.Locator("main details").First.EvaluateAsync<bool>("d => d.open"), "The consent text did not open by keyboard.");
        await TabToAsync(learner, $"{row} button");
        Assert.Equal("Give consent", (await learner.Locator(":focus").InnerTextAsync()).Trim());
        await learner.Keyboard.PressAsync("Enter");
        await learner.Locator($"{row} .consent-state").Filter(new LocatorFilterOptions { HasText = "Given" }).WaitForAsync();
        Assert.Equal("Given", (await learner.Locator($"{row} .consent-state").InnerTextAsync()).Trim());

        await TabToAsync(learner, $"{row} button");
        Assert.Equal("Withdraw consent", (await learner.Locator(":focus").InnerTextAsync()).Trim());
        await learner.Keyboard.PressAsync("Enter");
        await learner.Locator($"{row} .consent-state").Filter(new LocatorFilterOptions { HasText = "Not given" }).WaitForAsync();
        await TabToAsync(learner, $"{row} a[href*='format=html']");
        await PageChecks.AssertFitsAsync(learner);
    }

    // Presses Tab until the focus is on an element the selector names; fails if it never gets there.
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached {selector} on {page.Url}.");
    }

    private async Task<IPage> OpenAsync(string path, string person)
    {
        var page = await OpenSignedInPageAsync(person, Institution, DemoSiteFactory.Password);
        var address = path
            .Replace("{cohort}", app.CohortId.ToString(), StringComparison.Ordinal)
            .Replace("{learner}", app.LearnerId.ToString(), StringComparison.Ordinal);
        var response = await page.GotoAsync(address);
        Assert.Equal(200, response?.Status);
        return page;
    }

    private async Task AssertReflowsAsync(IPage page, string root, string name, [CallerMemberName] string test = "")
    {
        await ScreenshotAsync(page, $"{name}-1280", test);
        await PageChecks.AssertNothingSeriousAsync(page);
        await page.SetViewportSizeAsync(320, 800);
        await ScreenshotAsync(page, $"{name}-320", test);
        await PageChecks.AssertFitsAsync(page, root);
        await PageChecks.AssertNothingSeriousAsync(page);
    }
}
