using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Insight;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Insight;

// The insight page on a small cohort whose figures are worked out by hand, its filters, and reminders through the
// real SMTP listener (the mail job runs here as Hangfire would run it).
public sealed class InsightTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private sealed record Seeded(Cohort Cohort, PlatformUser Ann, PlatformUser Ben, PlatformUser Cid, PlatformUser Dee, DateOnly Day0, Guid UnansweredId, Guid FlaggedId);

    private string InsightUrl(Cohort cohort, string query = "") => factory.Url($"/cohorts/{cohort.Id}/insight{query}");

    // Day 0, 09:00 UTC: Ann, Ben and Cid write reflections (Cid's on the second prompt). 11:00: Ben replies to Ann.
    // Day 1, 11:00: Cid replies to Ann and to Ben, Ann answers Ben's reply. Dee never posts. Ben's reflection is flagged.
    private async Task<Seeded> SeedAsync(string name)
    {
        var now = factory.Clock.GetUtcNow();
        factory.Clock.Advance(now.UtcDateTime.Date.AddDays(1).AddHours(9) - now.UtcDateTime);
        var day0 = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki")).DateTime);
        var cohort = await factory.OpenCohortAsync(name, c => c.ExpectedPeerReplies = 1);
        var ann = await factory.LearnerAsync(cohort, $"Ann {name}");
        var ben = await factory.LearnerAsync(cohort, $"Ben {name}");
        var cid = await factory.LearnerAsync(cohort, $"Cid {name}");
        var dee = await factory.LearnerAsync(cohort, $"Dee {name}");
        var a = factory.A;
        var ra = await factory.ReflectionAsync(a, cohort, factory.Prompts[0], ann, "Trust grew slowly here");
        var rb = await factory.ReflectionAsync(a, cohort, factory.Prompts[0], ben, "We met every week");
        var rc = await factory.ReflectionAsync(a, cohort, factory.Prompts[1], cid, "Left out were the elderly");
        factory.Clock.Advance(TimeSpan.FromHours(2));
        var benReply = await factory.ReplyAsync(a, ra.Id, ben, "Why slowly");
        factory.Clock.Advance(TimeSpan.FromHours(24));
        await factory.ReplyAsync(a, ra.Id, cid, "Agreed");
        await factory.ReplyAsync(a, ra.Id, ann, "Because of rules we had", parent: benReply);
        await factory.ReplyAsync(a, rb.Id, cid, "Weekly sounds good too");
        await factory.QueryAsync(async db =>
        {
            db.Flags.Add(new Flag { CohortId = cohort.Id, ReflectionId = rb.Id, PostId = rb.Id, FlaggerId = dee.Id, Reason = FlagReason.Spam, CreatedAt = factory.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        return new Seeded(cohort, ann, ben, cid, dee, day0, rc.Id, rb.Id);
    }

    private static List<string[]> Rows(IDocument page, string figure) =>
        [.. page.QuerySelectorAll($"#{figure} table tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray())];

    // The counts of each day of the participation table, as "reflections,replies".
    private static List<string> DayCounts(IDocument page) => [.. Rows(page, "participation").Select(r => string.Join(",", r[1..]))];

    private static string Range(DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");

    [Fact]
    public async Task The_figures_of_a_small_cohort_are_those_worked_out_by_hand()
    {
        var s = await SeedAsync("Figures");
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);

        var page = await instructor.GetDocumentAsync(InsightUrl(s.Cohort, Range(s.Day0, s.Day0.AddDays(1)) + "&role=learner"));

        Assert.Equal(["3,1", "0,3"], DayCounts(page));
        var figures = page.QuerySelectorAll(".insight-figures dd").Select(d => d.TextContent.Trim()).ToList();
        Assert.Equal(["3", "4", "14 h", "4"], figures);
        var completion = Rows(page, "completion");
        Assert.StartsWith(factory.Prompts[0].Text, completion[0][0], StringComparison.Ordinal);
        Assert.Equal("2,1,4", string.Join(",", completion[0][1..]));
        Assert.Equal("1,0,4", string.Join(",", completion[1][1..]));
        Assert.Contains(Rows(page, "received"), r => r is ["0", "2"]);
        Assert.Contains(Rows(page, "received"), r => r is ["2", "2"]);
        var pairs = Rows(page, "network").Select(r => string.Join(" | ", r)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                "Ann Figures | Ben Figures | 1 | replies both ways",
                "Ben Figures | Ann Figures | 1 | replies both ways",
                "Cid Figures | Ann Figures | 1 | one way only",
                "Cid Figures | Ben Figures | 1 | one way only",
            ],
            pairs);
        Assert.Equal("No replies either way: Dee Figures", page.QuerySelector(".isolated-members")!.TextContent.Trim());
        Assert.Equal(2, page.QuerySelectorAll("svg .edge-one-way").Length);
        Assert.Single(page.QuerySelectorAll("svg .node-isolated"));
        Assert.Contains("Dee Figures", Assert.Single(page.QuerySelectorAll("#inactive + ul.worklist li")).TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("#unanswered + ul.worklist li"));
        Assert.NotNull(page.QuerySelector($"a[href$='/reflections/{s.FlaggedId}']"));
        Assert.NotNull(page.QuerySelector($"a[href$='/cohorts/{s.Cohort.Id}/moderation']"));
        foreach (var figure in page.QuerySelectorAll("figure.chart"))
        {
            var svg = figure.QuerySelector("svg[role=img]")!;
            var labels = svg.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.All(labels, id => Assert.NotNull(svg.QuerySelector($"#{id}")));
            Assert.NotNull(figure.QuerySelector("figcaption"));
            Assert.NotNull(figure.QuerySelector("details table"));
            Assert.NotNull(svg.GetAttribute("viewBox"));
        }
        Assert.DoesNotContain("style=", page.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_narrow_the_figures_and_the_hours_of_the_unanswered_list()
    {
        var s = await SeedAsync("Filters");
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);

        var secondDay = await instructor.GetDocumentAsync(InsightUrl(s.Cohort, Range(s.Day0.AddDays(1), s.Day0.AddDays(1))));
        Assert.Equal(["0,3"], DayCounts(secondDay));

        var secondPrompt = await instructor.GetDocumentAsync(InsightUrl(s.Cohort, Range(s.Day0, s.Day0.AddDays(1)) + $"&prompt={factory.Prompts[1].Id}"));
        Assert.Equal(["1,0", "0,0"], DayCounts(secondPrompt));
        Assert.Single(Rows(secondPrompt, "completion"));

        var everyone = await instructor.GetDocumentAsync(InsightUrl(s.Cohort, Range(s.Day0, s.Day0.AddDays(1))));
        Assert.Contains(factory.Instructor.DisplayName, everyone.QuerySelector(".isolated-members")!.TextContent, StringComparison.Ordinal);

        var day = await instructor.GetDocumentAsync(InsightUrl(s.Cohort, "?hours=24"));
        var unanswered = Assert.Single(day.QuerySelectorAll("#unanswered + ul.worklist li"));
        Assert.Contains("Cid Filters", unanswered.TextContent, StringComparison.Ordinal);
        Assert.NotNull(unanswered.QuerySelector($"a[href$='/reflections/{s.UnansweredId}']"));
    }

    // An en-GB institution: the filter shows its dates day first, reads them so, and still reads the ISO form of links.
    [Fact]
    public async Task The_date_filter_speaks_the_institutions_format()
    {
        var seeded = await SeedAsync("Dates day first");
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var day1 = seeded.Day0.AddDays(1);
        string British(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        var british = await instructor.GetDocumentAsync(InsightUrl(seeded.Cohort, $"?from={Uri.EscapeDataString(British(seeded.Day0))}&to={Uri.EscapeDataString(British(day1))}"));
        var iso = await instructor.GetDocumentAsync(InsightUrl(seeded.Cohort, Range(seeded.Day0, day1)));

        Assert.Null(british.QuerySelector(".error-summary"));
        Assert.Equal(DayCounts(iso), DayCounts(british));
        Assert.Equal(2, DayCounts(british).Count);
        Assert.Equal(British(seeded.Day0), british.QuerySelector("input#from")!.GetAttribute("value"));
        Assert.Equal(British(day1), iso.QuerySelector("input#to")!.GetAttribute("value"));
        Assert.Equal("text", iso.QuerySelector("input#to")!.GetAttribute("type"));
        Assert.Matches(@"^For example 31/12/\d{4}$", iso.QuerySelector("#date-format")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("?from=2026-13-45", "The start date is not a date")]
    [InlineData("?to=yesterday", "The end date is not a date")]
    [InlineData("?from=2026-11-10&to=2026-11-01", "The start date is after the end date.")]
    [InlineData("?from=2020-01-01&to=2026-11-01", "Choose at most 366 days.")]
    [InlineData("?prompt=not-a-prompt", "Choose one of the course's prompts.")]
    [InlineData("?role=admin", "Choose learners, instructors or everyone.")]
    [InlineData("?hours=-3", "Write the hours as a whole number from 1 to 1440.")]
    public async Task Bad_filter_input_is_said_back_in_words_and_shows_no_figures(string query, string message)
    {
        var cohort = await factory.OpenCohortAsync($"Bad filter {Guid.NewGuid():N}");
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);

        using var response = await instructor.GetAsync(InsightUrl(cohort, query));
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("figure"));
    }

    [Fact]
    public async Task Learners_are_refused_and_an_instructor_of_another_institution_finds_nothing()
    {
        var cohort = await factory.OpenCohortAsync("Isolation");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Lena Learner"));
        var instructorB = await factory.UserAsync($"{Guid.NewGuid():N}@b.test", "Ivo B");
        await factory.MemberAsync(factory.B, instructorB, InstitutionRole.Instructor);
        var courseB = await factory.CourseAsync(factory.B, $"course-{Guid.NewGuid():N}"[..20], "Course of B");
        await Seed.CohortAsync(factory, factory.B, courseB, "Cohort of B", instructorB);
        var otherInstructor = await factory.CreateClientAsAsync(instructorB);

        using var asLearner = await learner.GetAsync(InsightUrl(cohort));
        using var fromB = await otherInstructor.GetAsync(InsightUrl(cohort));
        using var throughB = await otherInstructor.GetAsync($"/{factory.B.Slug}/cohorts/{cohort.Id}/insight");
        using var remindFromB = await otherInstructor.GetAsync($"/{factory.B.Slug}/cohorts/{cohort.Id}/insight/remind?prompt={factory.Prompts[0].Id}");

        Assert.Equal(HttpStatusCode.Forbidden, asLearner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fromB.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, throughB.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remindFromB.StatusCode);
    }

    [Fact]
    public async Task A_reminder_reaches_the_learner_in_their_language_once_a_week_and_never_after_they_stop_it()
    {
        var cohort = await factory.OpenCohortAsync("Reminders");
        var fia = await factory.LearnerAsync(cohort, "Fia Finn");
        var gus = await factory.LearnerAsync(cohort, "Gus Guest");
        await factory.QueryAsync(db => db.Users.Where(u => u.Id == fia.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, "fi")));
        var prompt = factory.Prompts[2];
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);

        var insight = await instructor.GetDocumentAsync(InsightUrl(cohort, $"?prompt={prompt.Id}"));
        var notAnswered = insight.QuerySelectorAll("#not-answered-heading ~ form input[name=members]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains(fia.Id.ToString(), notAnswered);
        Assert.Contains(gus.Id.ToString(), notAnswered);

        var confirm = factory.Url($"/cohorts/{cohort.Id}/insight/remind?prompt={prompt.Id}&members={fia.Id}");
        var question = await instructor.GetDocumentAsync(confirm);
        Assert.Equal("Send 1 reminder", question.QuerySelector("#send-reminders button")!.TextContent.Trim());
        Assert.Empty(await NudgesAsync(cohort));
        using var sent = await instructor.SubmitAsync(confirm, new Dictionary<string, string>(), "#send-reminders");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("1 reminder was sent.", (await sent.ParseAsync()).QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        await MailJobsAsync(cohort);

        var mail = Assert.Single(factory.Mail.To(fia.Email!));
        Assert.Equal("Muistutus kohortista Reminders", mail.Subject);
        Assert.EndsWith($"/{factory.A.Slug}/cohorts/{cohort.Id}/prompts/{prompt.Id}", mail.LinkTo($"/prompts/{prompt.Id}"), StringComparison.Ordinal);
        Assert.Contains(prompt.Text, mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var audit = await factory.QueryAsync(db => db.ModerationActions.Where(a => a.CohortId == cohort.Id).ToListAsync());
        var line = Assert.Single(audit);
        Assert.Equal((ModerationActionKind.Reminder, fia.Id, factory.Instructor.Id), (line.Kind, line.SubjectUserId!.Value, line.ModeratorId!.Value));

        // A second reminder within the week: the page says who is skipped and why, and a POST of it sends nothing.
        var again = await instructor.GetDocumentAsync(factory.Url($"/cohorts/{cohort.Id}/insight/remind?prompt={prompt.Id}&members={fia.Id}&members={gus.Id}"));
        Assert.Contains("Fia Finn: reminded of this prompt on", again.QuerySelector(".skipped")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Send 1 reminder", again.QuerySelector("#send-reminders button")!.TextContent.Trim());
        using var refused = await instructor.SubmitAsync(
            factory.Url($"/cohorts/{cohort.Id}/insight/remind?prompt={prompt.Id}&members={fia.Id}&members={gus.Id}"),
            new Dictionary<string, string> { ["members"] = fia.Id.ToString() }, "#send-reminders");
        var refusal = await refused.ParseAsync();
        Assert.Contains("No reminders were sent.", refusal.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("one reminder per prompt every 7 days", refusal.QuerySelector(".skipped")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await NudgesAsync(cohort));

        // The mail's one-click unsubscribe stops this cohort's reminders; a week later Fia is still skipped.
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var unsubscribed = await anonymous.PostAsync(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        factory.Clock.Advance(CohortNudge.Interval + TimeSpan.FromMinutes(1));
        // A week on, the instructor signs in again (the session of a week ago has ended).
        var laterClient = await factory.CreateClientAsAsync(factory.Instructor);
        var later = await laterClient.GetDocumentAsync(confirm);
        Assert.Contains("Fia Finn: has switched reminders off", later.QuerySelector(".skipped")!.TextContent, StringComparison.Ordinal);
        Assert.Null(later.QuerySelector("#send-reminders"));
    }

    [Fact]
    public async Task A_learner_who_stopped_reminders_switches_them_back_on_in_the_account_and_finds_them_in_their_data()
    {
        var cohort = await factory.OpenCohortAsync("Reminders back on");
        var hal = await factory.LearnerAsync(cohort, "Hal Hesitant");
        await factory.QueryAsync(db => db.CohortMembers.Where(m => m.CohortId == cohort.Id && m.UserId == hal.Id).ExecuteUpdateAsync(m => m.SetProperty(x => x.RemindersStopped, true)));
        var prompt = factory.Prompts[1];
        var confirm = factory.Url($"/cohorts/{cohort.Id}/insight/remind?prompt={prompt.Id}&members={hal.Id}");
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        Assert.Contains("Hal Hesitant: has switched reminders off", (await instructor.GetDocumentAsync(confirm)).QuerySelector(".skipped")!.TextContent, StringComparison.Ordinal);

        var learner = await factory.CreateClientAsAsync(hal);
        var settings = await learner.GetDocumentAsync(factory.Url("/Account/Manage/Digests"));
        Assert.Equal("false", settings.QuerySelector($"#reminders-choice-{cohort.Id} option[selected]")?.GetAttribute("value"));
        using (var on = await learner.SubmitAsync(factory.Url("/Account/Manage/Digests"), new Dictionary<string, string> { ["reminders"] = "true" }, $"#reminders-{cohort.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        }
        var after = await learner.GetDocumentAsync(factory.Url("/Account/Manage/Digests"));
        Assert.Equal("Reminders from the instructors of Reminders back on are on.", after.QuerySelector(".notice")?.TextContent.Trim());
        Assert.Equal("true", after.QuerySelector($"#reminders-choice-{cohort.Id} option[selected]")?.GetAttribute("value"));

        using var sent = await instructor.SubmitAsync(confirm, new Dictionary<string, string>(), "#send-reminders");
        Assert.Contains("1 reminder was sent.", (await sent.ParseAsync()).QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        await MailJobsAsync(cohort);
        Assert.Single(factory.Mail.To(hal.Email!));

        using var data = await learner.SubmitAsync(factory.Url("/Account/Manage/Data"), new Dictionary<string, string>());
        using var json = JsonDocument.Parse(await data.Content.ReadAsStringAsync());
        var reminder = Assert.Single(json.RootElement.GetProperty("reminders").EnumerateArray());
        Assert.Equal((cohort.Id, prompt.Id), (reminder.GetProperty("cohortId").GetGuid(), reminder.GetProperty("promptId").GetGuid()));
        Assert.Equal(JsonValueKind.String, reminder.GetProperty("mailedAt").ValueKind);
        Assert.DoesNotContain(factory.Instructor.Id.ToString(), json.RootElement.GetProperty("reminders").ToString(), StringComparison.Ordinal);

        // And off again, from the same place.
        using var off = await learner.SubmitAsync(factory.Url("/Account/Manage/Digests"), new Dictionary<string, string> { ["reminders"] = "false" }, $"#reminders-{cohort.Id}");
        Assert.True(await factory.QueryAsync(db => db.CohortMembers.Where(m => m.CohortId == cohort.Id && m.UserId == hal.Id).Select(m => m.RemindersStopped).SingleAsync()));
    }

    [Fact]
    public async Task Select_all_takes_everyone_of_the_list_without_script()
    {
        var cohort = await factory.OpenCohortAsync("Select all");
        var one = await factory.LearnerAsync(cohort, "Olli One");
        var two = await factory.LearnerAsync(cohort, "Tove Two");
        await factory.ReflectionAsync(factory.A, cohort, factory.Prompts[0], two, "Mine is here");
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);

        var page = await instructor.GetDocumentAsync(factory.Url($"/cohorts/{cohort.Id}/insight/remind?prompt={factory.Prompts[0].Id}&all=not-answered"));

        Assert.Equal(["Olli One"], page.QuerySelectorAll(".sending li").Select(l => l.TextContent.Trim()).ToList());
        Assert.Equal([one.Id.ToString()], page.QuerySelectorAll("#send-reminders input[name=members]").Select(i => i.GetAttribute("value")).ToList());
    }

    private Task<List<CohortNudge>> NudgesAsync(Cohort cohort) =>
        factory.QueryAsync(db => db.CohortNudges.Where(n => n.CohortId == cohort.Id).ToListAsync());

    private async Task MailJobsAsync(Cohort cohort)
    {
        foreach (var nudge in await NudgesAsync(cohort))
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReminderMailJob>().SendAsync(factory.A.Id, nudge.Id, CancellationToken.None);
        }
    }
}
