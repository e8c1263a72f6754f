using System.Net;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
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

    private static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    // A moment three days on, to the minute, and the cohort member to suspend until then.
    private async Task<(Cohort Cohort, PlatformUser Member, DateTimeOffset Until)> SuspensionCaseAsync(string name)
    {
        var cohort = await factory.OpenCohortAsync(name);
        var member = await factory.LearnerAsync(cohort, $"{name} Member");
        var now = factory.Clock.GetUtcNow();
        var until = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddDays(3);
        return (cohort, member, until);
    }

    private Task<List<CohortSuspension>> SuspensionsOfAsync(Cohort cohort) =>
        factory.QueryAsync(db => db.CohortSuspensions.AsNoTracking().Where(s => s.CohortId == cohort.Id).ToListAsync());

    private Task<HttpResponseMessage> SuspendTypedAsync(HttpClient moderator, Cohort cohort, Guid userId, string until) =>
        moderator.SubmitAsync(SuspensionsUrl(cohort), new Dictionary<string, string>
        {
            ["Input.UserId"] = userId.ToString(),
            ["Input.Until"] = until,
            ["Input.Reason"] = "Cool down.",
        }, "#suspend-form");

    [Fact]
    public async Task The_end_is_a_text_field_in_the_readers_format_naming_the_time_zone()
    {
        var (cohort, _, _) = await SuspensionCaseAsync("Suspension field");
        var moderator = await factory.CreateClientAsAsync(factory.Instructor);

        var page = await moderator.GetDocumentAsync(SuspensionsUrl(cohort));

        var field = page.QuerySelector("#suspend-until")!;
        Assert.Equal("text", field.GetAttribute("type"));
        var hint = page.GetElementById(field.GetAttribute("aria-describedby")!)!.TextContent;
        Assert.Matches(@"for example 31/12/\d{4} 14:30\. Times are in the time zone Europe/Helsinki\.", hint);
    }

    [Theory]
    [InlineData("next Tuesday")]
    [InlineData("31/12/2026")]
    [InlineData("32/12/2026 14:30")]
    [InlineData("31/12/2026 25:00")]
    [InlineData("")]
    public async Task An_end_that_cannot_be_read_is_refused_with_a_clear_message_and_nothing_changes(string typed)
    {
        var (cohort, member, _) = await SuspensionCaseAsync("Suspension unreadable " + typed.Length);
        var moderator = await factory.CreateClientAsAsync(factory.Instructor);

        using var response = await SuspendTypedAsync(moderator, cohort, member.Id, typed);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Matches(@"^Write the end of the suspension as a date and a time, like 31/12/\d{4} 14:30\.$",
            page.QuerySelector("#suspend-until-error")!.TextContent.Trim());
        Assert.Contains("Write the end of the suspension", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(typed, page.QuerySelector("#suspend-until")!.GetAttribute("value"));
        Assert.Equal("true", page.QuerySelector("#suspend-until")!.GetAttribute("aria-invalid"));
        Assert.Empty(await SuspensionsOfAsync(cohort));
        Assert.Empty(await factory.AuditAsync(cohort.Id));
    }

    [Fact]
    public async Task A_british_date_and_time_is_saved_as_that_moment_in_the_institutions_zone()
    {
        var (cohort, member, until) = await SuspensionCaseAsync("Suspension British");
        var moderator = await factory.CreateClientAsAsync(factory.Instructor);
        var typed = TimeZoneInfo.ConvertTime(until, Helsinki).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await SuspendTypedAsync(moderator, cohort, member.Id, typed);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = Assert.Single(await SuspensionsOfAsync(cohort));
        Assert.Equal(until, saved.Until);
        Assert.Equal(member.Id, saved.UserId);
    }

    [Fact]
    public async Task A_finnish_date_and_time_is_saved_as_that_moment_in_the_institutions_zone()
    {
        var (cohort, member, until) = await SuspensionCaseAsync("Suspension Finnish");
        var finn = await factory.UserAsync($"{Guid.NewGuid():N}@a.test", "Fanni Finnish");
        await factory.MemberAsync(factory.A, finn, InstitutionRole.Instructor);
        await factory.CohortMemberAsync(factory.A, cohort, finn, CohortRole.Instructor);
        await factory.UpdateUserAsync(finn.Email!, u => u.Language = "fi");
        var moderator = await factory.CreateClientAsAsync(finn);
        var local = TimeZoneInfo.ConvertTime(until, Helsinki);
        var typed = local.ToString("d.M.yyyy H.mm", System.Globalization.CultureInfo.InvariantCulture);

        var page = await moderator.GetDocumentAsync(SuspensionsUrl(cohort));
        using var response = await SuspendTypedAsync(moderator, cohort, member.Id, typed);
        using var withColon = await SuspendTypedAsync(moderator, cohort, member.Id, local.AddHours(1).ToString("d.M.yyyy H:mm", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Matches(@"31\.12\.\d{4} 14\.30", page.QuerySelector("#suspend-until-hint")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withColon.StatusCode);
        Assert.Equal([until, until.AddHours(1)], (await SuspensionsOfAsync(cohort)).Select(s => s.Until).Order());
    }
}
