using System.Net;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Moderation;

public sealed class SuspensionTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private string SuspensionsUrl(Cohort cohort) => factory.Url($"/cohorts/{cohort.Id}/moderation/suspensions");

    private async Task<HttpResponseMessage> SuspendAsync(HttpClient moderator, Cohort cohort, Guid userId, DateTimeOffset until) =>
        await moderator.SubmitAsync(SuspensionsUrl(cohort), new Dictionary<string, string>
        {
            ["Input.UserId"] = userId.ToString(),
            // The form takes local time in the institution's zone (Helsinki in the tests).
            ["Input.Until"] = TimeZoneInfo.ConvertTime(until, TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki")).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Reason"] = "Cool down.",
        }, "#suspend-form");

    [Fact]
    public async Task A_suspended_member_cannot_reply_until_the_suspension_ends_but_still_reads()
    {
        var cohort = await factory.OpenCohortAsync("Suspension window");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Sanna Author"));
        var suspendedUser = await factory.LearnerAsync(cohort, "Simo Suspended");
        var suspended = await factory.CreateClientAsAsync(suspendedUser);
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Read me.");
        var moderator = await factory.CreateClientAsAsync(factory.Instructor);

        using var suspend = await SuspendAsync(moderator, cohort, suspendedUser.Id, factory.Clock.GetUtcNow().AddDays(2));
        var page = await suspended.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        using var refused = await suspended.PostAsPersonAsync(factory.ThreadUrl(cohort, reflectionId) + "?handler=Reply",
            new() { ["Input.Body"] = "Let me in." }, factory.ThreadUrl(cohort, reflectionId));
        factory.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        // The sign-in cookie does not outlive two days of the test clock; a fresh one stands for coming back later.
        var later = await factory.CreateClientAsAsync(suspendedUser);
        var allowed = await factory.ReplyAsync(later, cohort, reflectionId, "Back again.");

        Assert.Equal(HttpStatusCode.Redirect, suspend.StatusCode);
        Assert.Null(page.QuerySelector("#reply-form"));
        Assert.NotNull(page.QuerySelector(".suspension-note"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("suspended", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, allowed);
        Assert.Equal([ModerationActionKind.Suspend], (await factory.AuditAsync(cohort.Id)).Select(a => a.Kind));
    }

    [Fact]
    public async Task Lifting_a_suspension_early_lets_the_member_post_again()
    {
        var cohort = await factory.OpenCohortAsync("Suspension lifted");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Liisa Author"));
        var suspendedUser = await factory.LearnerAsync(cohort, "Lauri Lifted");
        var suspended = await factory.CreateClientAsAsync(suspendedUser);
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Read me too.");
        var moderator = await factory.CreateClientAsAsync(factory.Instructor);
        using var suspend = await SuspendAsync(moderator, cohort, suspendedUser.Id, factory.Clock.GetUtcNow().AddDays(7));
        Assert.Equal(HttpStatusCode.Redirect, suspend.StatusCode);
        using var refused = await suspended.PostAsPersonAsync(factory.ThreadUrl(cohort, reflectionId) + "?handler=Reply",
            new() { ["Input.Body"] = "Not yet." }, factory.ThreadUrl(cohort, reflectionId));
        var list = await moderator.GetDocumentAsync(SuspensionsUrl(cohort));

        using var lifted = await moderator.PostFormAsync(SuspensionsUrl(cohort),
            (AngleSharp.Html.Dom.IHtmlFormElement)list.QuerySelector("form[action*=Lift]")!, new Dictionary<string, string> { ["reason"] = "Apologised." });
        var allowed = await factory.ReplyAsync(suspended, cohort, reflectionId, "Thank you.");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        Assert.NotEqual(Guid.Empty, allowed);
        Assert.Equal([ModerationActionKind.Suspend, ModerationActionKind.LiftSuspension], (await factory.AuditAsync(cohort.Id)).Select(a => a.Kind));
        Assert.NotNull((await factory.QueryAsync(db => db.CohortSuspensions.SingleAsync(s => s.CohortId == cohort.Id))).LiftedAt);
    }
}
