using CoSie.Platform.BrowserTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Cohorts;

[Collection(SharedChromium.Name)]
public sealed class InviteLinkJourneyTests(Chromium chromium, BrowserAppFactory app)
    : BrowserTest(chromium, app), IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task Instructor_shares_the_invite_link_and_the_person_who_opens_it_joins_the_cohort()
    {
        var institution = await App.InstitutionAsync("graz", "Graz Public Services Academy");
        await App.MemberAsync(institution, "iris@graz.test", InstitutionRole.Instructor);
        await App.UserAsync("lukas@elsewhere.test", "Lukas Learner");
        await App.CourseAsync(institution, "co-creation", "Co-creating public services", CourseVisibility.Public);
        var instructor = await OpenPageAsync();
        await instructor.SignInAsync("iris@graz.test", institution: "graz");

        await instructor.GotoAsync("/graz/courses/co-creation");
        await instructor.MainContent().GetByRole(AriaRole.Link, new() { Name = "New cohort" }).ClickAsync();
        await instructor.GetByLabel("Name", new() { Exact = true }).FillAsync("Spring 2027");
        await ScreenshotAsync(instructor, "new-cohort-form");
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Create cohort" }).ClickAsync();

        await instructor.GetByRole(AriaRole.Heading, new() { Name = "Spring 2027", Level = 1 }).WaitForAsync();
        var inviteLink = await instructor.GetByLabel("Invite link").InputValueAsync();
        Assert.StartsWith(App.ServerAddress.ToString().TrimEnd('/') + "/graz/join/", inviteLink, StringComparison.Ordinal);
        await ScreenshotAsync(instructor, "cohort-with-invite-link");

        var learner = await OpenPageAsync();
        await learner.GotoAsync(inviteLink);
        await learner.GetByRole(AriaRole.Heading, new() { Name = "Join Spring 2027" }).WaitForAsync();
        await ScreenshotAsync(learner, "invitation-for-a-visitor");
        await learner.GetByRole(AriaRole.Link, new() { Name = "Sign in to join" }).ClickAsync();
        await learner.SignInHereAsync("lukas@elsewhere.test");
        await learner.GetByText("You join as learner.").WaitForAsync();
        await learner.GetByRole(AriaRole.Button, new() { Name = "Join cohort" }).ClickAsync();
        await learner.GetByText("You take part as learner.").WaitForAsync();
        await ScreenshotAsync(learner, "joined");

        await instructor.GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
        var row = instructor.Locator("table tbody tr", new() { HasText = "Lukas Learner" });
        await row.WaitForAsync();
        Assert.Contains("lukas@elsewhere.test", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Learner", await row.GetByLabel("Role of Lukas Learner").Locator("option:checked").InnerTextAsync(), ignoreCase: true);
        await ScreenshotAsync(instructor, "members");
    }
}
