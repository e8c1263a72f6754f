using System.Runtime.CompilerServices;
using CoSie.Platform.BrowserTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Moderation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Discussions;

// An instructor's round from the home page, by keyboard: the flag waiting there is reviewed and dismissed in the
// cohort's moderation queue, and the reflection nobody has replied to is opened from home and answered, after which
// home has nothing left of either. Each page on the way fits the window, axe finds nothing serious, and a screenshot
// is kept.
[Collection(SharedChromium.Name)]
public sealed class InstructorJourneyTests(Chromium chromium, DiscussionSiteFactory app)
    : BrowserTest(chromium, app), IClassFixture<DiscussionSiteFactory>
{
    private const string Institution = DiscussionSiteFactory.InstitutionSlug;

    private DiscussionSiteFactory Site => (DiscussionSiteFactory)App;

    [Theory]
    [InlineData(1280)]
    [InlineData(320)]
    public async Task An_instructor_goes_from_home_to_a_flag_cleared_and_to_an_unanswered_reflection_answered(int width)
    {
        var cohort = await Site.OpenCohortAsync($"Instructor's round at {width} px");
        var anna = await Site.LearnerAsync(cohort, "Anna Answered");
        var una = await Site.LearnerAsync(cohort, "Una Unanswered");
        var fred = await Site.LearnerAsync(cohort, "Fred Flagger");
        var answered = await Site.WriteReflectionAsync(cohort, anna, "The library ran the pilot with us.");
        var flagged = await Site.ReplyAsync(cohort, answered, una, "Cheap watches at watches.example, ask me how.");
        var unanswered = await Site.WriteReflectionAsync(cohort, una, "We asked residents to co-design the bus timetable, and nobody came.");
        var flag = await Site.InInstitutionAsync(Site.Institution.Id, (services, _) => services.GetRequiredService<FlagPost>()
            .ExecuteAsync(cohort.Id, answered, flagged, fred.Id, FlagReason.Spam, null, CancellationToken.None));
        Assert.True(flag.Succeeded, $"The flag was refused: {flag.Outcome}");

        var page = await OpenPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        await page.SignInAsync(DiscussionSiteFactory.InstructorEmail, institution: Institution);
        await page.GotoAsync($"/{Institution}/");
        var home = CohortOnHome(page, cohort);
        await CheckAsync(page, "home-with-work", width);

        // The flag: from home to the queue, dismissed there.
        await PressAsync(page, home.GetByRole(AriaRole.Link, new() { Name = "1 flagged post to review" }));
        await page.WaitForURLAsync($"**/cohorts/{cohort.Id}/moderation");
        var item = page.Locator("main li, main article", new() { HasText = "Cheap watches" }).Last;
        await Assertions.Expect(item).ToContainTextAsync("Reply by Una Unanswered");
        await CheckAsync(page, "queue", width);
        await PressAsync(page, item.GetByRole(AriaRole.Button, new() { Name = "Dismiss the flags" }));
        await Assertions.Expect(page.Locator("main", new() { HasText = "Cheap watches" })).ToHaveCountAsync(0);

        // The reflection nobody has replied to: from home to its thread, answered there.
        await page.GotoAsync($"/{Institution}/");
        home = CohortOnHome(page, cohort);
        await Assertions.Expect(home.GetByRole(AriaRole.Link, new() { Name = "1 flagged post to review" })).ToHaveCountAsync(0);
        await Assertions.Expect(home).ToContainTextAsync("1 reflection nobody has replied to");
        await PressAsync(page, home.GetByRole(AriaRole.Link, new() { Name = "Una Unanswered on" }));
        await page.WaitForURLAsync($"**/reflections/{unanswered}");
        await CheckAsync(page, "unanswered-thread", width);
        var box = page.GetByLabel("Your reply");
        await box.FocusAsync();
        await page.Keyboard.TypeAsync("Who did you ask, and where? The library pilot found people at the bus stops.");
        await PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Post reply" }));
        await page.Locator("article.post", new() { HasText = "found people at the bus stops" }).WaitForAsync();

        await page.GotoAsync($"/{Institution}/");
        home = CohortOnHome(page, cohort);
        await Assertions.Expect(home).Not.ToContainTextAsync("nobody has replied to");
        await Assertions.Expect(home).Not.ToContainTextAsync("flagged post");
        await CheckAsync(page, "home-after-the-round", width);
    }

    private static ILocator CohortOnHome(IPage page, Cohort cohort) =>
        page.Locator("main section.next-steps", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = cohort.Name }) });

    // A link or button taken by keyboard: focused, then Enter.
    private static async Task PressAsync(IPage page, ILocator target)
    {
        await target.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
    }

    private async Task CheckAsync(IPage page, string moment, int width, [CallerMemberName] string test = "")
    {
        await ScreenshotAsync(page, $"{moment}-{width}", test);
        await PageChecks.AssertFitsAsync(page);
        await PageChecks.AssertNothingSeriousAsync(page);
    }
}
