using CoSie.Platform.BrowserTests.Infrastructure;

namespace CoSie.Platform.BrowserTests.Accessibility;

[Collection(SharedChromium.Name)]
public sealed class KeyboardTests(Chromium chromium, CosieSiteFactory app)
    : BrowserTest(chromium, app), IClassFixture<CosieSiteFactory>
{
    [Fact]
    public async Task Skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content()
    {
        var page = await OpenPageAsync();
        await page.GotoAsync($"/{CosieSiteFactory.Institution}/courses/{SeedCourses.CosieCourseSlug}");

        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.Locator(":focus");
        Assert.Equal("Skip to content", (await skipLink.InnerTextAsync()).Trim());
        var box = await skipLink.BoundingBoxAsync();
        Assert.True(box is { X: >= 0, Y: >= 0 }, $"The focused skip link is off screen at {box?.X}, {box?.Y}.");
        await ScreenshotAsync(page, "skip-link-focused");

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.Locator(":focus").GetAttributeAsync("id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Courses", (await page.Locator(":focus").InnerTextAsync()).Trim());
    }
}
