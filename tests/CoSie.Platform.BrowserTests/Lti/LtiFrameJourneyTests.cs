using System.Text.RegularExpressions;
using CoSie.Platform.BrowserTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Lti;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.BrowserTests.Lti;

// The tool inside the LMS's iframe, in Chromium: the simulated LMS's course page frames the tool's login initiation,
// the LMS's authentication endpoint posts the launch into the frame, and the person lands at the prompt, signed in,
// inside the frame (the launch's continue step found the session's cookie).
[Collection(SharedChromium.Name)]
public sealed class LtiFrameJourneyTests(Chromium chromium, BrowserAppFactory app) : BrowserTest(chromium, app), IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task A_learner_launched_inside_the_lms_frame_lands_signed_in_at_the_prompt()
    {
        // The LMS on the app's host name: one site, so the frame keeps the tool's cookies over plain HTTP.
        await using var lms = await LtiPlatformSimulator.StartAsync(App.ServerAddress.Host);
        var institution = await App.InstitutionAsync("lti-frame", "Frame University");
        await lms.RegisterAsync(App, institution);
        var course = await App.CourseAsync(institution, "ethics", "Ethics");
        var module = await App.ModuleAsync(institution, course, "week-1", "Week 1", ["What is a good life?"]);
        var promptId = await App.InInstitutionAsync(institution.Id, (_, db) => db.ReflectionPrompts.Where(p => p.ModuleId == module.Id).Select(p => p.Id).SingleAsync());
        lms.BrowserPerson = new LaunchPerson("sub-ada", "Ada Frame", "ada.frame@lms.example.org", [LtiPlatformSimulator.Learner], "context-1",
            new() { ["course"] = "ethics", ["prompt"] = promptId.ToString() });
        lms.BrowserClock = App.Clock.GetUtcNow;
        var page = await OpenPageAsync();

        await page.GotoAsync(lms.CoursePageUrl(lms.ToolLoginUrl(App.ServerAddress.GetLeftPart(UriPartial.Authority), "lti-frame")));

        // A prompt page answers a visitor with the sign-in page: reaching it in the frame means the session held there.
        var tool = page.Frames.Single(f => f.ParentFrame == page.MainFrame);
        await tool.WaitForURLAsync(new Regex($"/lti-frame/cohorts/[0-9a-f-]+/prompts/{promptId}$"));
        await tool.GetByText("What is a good life?").First.WaitForAsync();
        await ScreenshotAsync(page, "prompt-in-the-frame");
    }
}
