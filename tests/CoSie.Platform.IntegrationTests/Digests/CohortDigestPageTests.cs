using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Digests;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Digests;

public sealed class CohortDigestPageTests(DigestFactory factory) : IClassFixture<DigestFactory>
{
    private static string Page(Cohort cohort) => $"/dig-a/cohorts/{cohort.Id}/digest";

    [Fact]
    public async Task Instructors_preview_a_members_digest_and_send_it_to_themselves_as_a_test()
    {
        var cohort = await factory.CohortAsync("Preview", postFirst: false);
        var learner = await factory.PersonAsync(cohort, "Previewed learner");
        var writer = await factory.PersonAsync(cohort, "Writer");
        await factory.ReflectionAsync(cohort, factory.P1, writer, "PREVIEWED-TEXT");
        factory.Advance(TimeSpan.FromHours(1));
        using var client = await factory.CreateClientAsAsync(factory.Instructor);

        var page = await client.GetDocumentAsync($"{Page(cohort)}?member={learner.Id}");
        Assert.Contains("1 new reflection", page.QuerySelector("#preview-subject")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("PREVIEWED-TEXT", page.QuerySelector("#preview-body")!.TextContent, StringComparison.Ordinal);

        // The HTML part is framed from its own response, whose policy allows the mail's inline styles and nothing else.
        var frame = page.QuerySelector("iframe.mail-preview")!;
        Assert.Equal(string.Empty, frame.GetAttribute("sandbox"));
        using var mail = await client.GetAsync($"{Page(cohort)}?handler=Mail&member={learner.Id}");
        Assert.Equal(HttpStatusCode.OK, mail.StatusCode);
        var policy = Assert.Single(mail.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("style-src 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Equal("SAMEORIGIN", Assert.Single(mail.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("PREVIEWED-TEXT", await mail.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var response = await client.SubmitAsync($"{Page(cohort)}?member={learner.Id}", new Dictionary<string, string>(), "form[action*='SendTest']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var test = await factory.Mail.WaitForMailToAsync(factory.Instructor.Email!, "[Test]");
        Assert.Contains("PREVIEWED-TEXT", test.TextBody, StringComparison.Ordinal);
        Assert.Empty(factory.Mail.To(learner.Email!));
        Assert.Empty(await factory.DeliveriesAsync(cohort));
    }

    [Fact]
    public async Task Send_now_without_the_confirmation_sends_nothing_and_says_why()
    {
        var cohort = await factory.CohortAsync("Send unconfirmed", postFirst: false);
        await factory.PersonAsync(cohort, "Unconfirmed learner");
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        var monitoring = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var before = monitoring.EnqueuedCount("default");

        using var response = await client.SubmitAsync(Page(cohort), new Dictionary<string, string>(), "form[action*='SendNow']");
        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, monitoring.EnqueuedCount("default"));
        Assert.Empty(await factory.DeliveriesAsync(cohort));
        Assert.Contains("Nothing was sent: tick the box", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_now_queues_this_weeks_digests_once_and_their_links_work()
    {
        var cohort = await factory.CohortAsync("Send now", postFirst: false);
        var learner = await factory.PersonAsync(cohort, "Now learner");
        var writer = await factory.PersonAsync(cohort, "Now writer");
        await factory.ReflectionAsync(cohort, factory.P1, writer, "NOW-TEXT");
        factory.Advance(TimeSpan.FromHours(1));
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        var monitoring = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var before = monitoring.EnqueuedCount("default");

        var confirmed = new Dictionary<string, string> { ["confirm"] = "true" };
        using var first = await client.SubmitAsync(Page(cohort), confirmed, "form[action*='SendNow']");
        using var second = await client.SubmitAsync(Page(cohort), confirmed, "form[action*='SendNow']");

        Assert.Equal(before + 1, monitoring.EnqueuedCount("default"));
        var deliveries = await factory.DeliveriesAsync(cohort);
        Assert.Equal(3, deliveries.Count);
        await factory.SendCohortAsync(cohort);
        var mail = Assert.Single(factory.Mail.To(learner.Email!));
        Assert.Contains("NOW-TEXT", mail.TextBody, StringComparison.Ordinal);

        // The slot that week finds the digest sent already.
        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.DeliverAsync(cohort);
        Assert.Single(factory.Mail.To(learner.Email!));

        using var learnerClient = await factory.CreateClientAsAsync(learner);
        var module = new Uri(mail.LinkTo("/courses/co-creation/spreading"));
        using var opened = await learnerClient.GetAsync(module.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
    }

    [Fact]
    public async Task Instructors_see_weekly_counts_and_resend_a_failed_digest()
    {
        var cohort = await factory.CohortAsync("Counts", postFirst: false);
        var learner = await factory.PersonAsync(cohort, "Failing learner");
        var writer = await factory.PersonAsync(cohort, "Counts writer");
        await factory.ReflectionAsync(cohort, factory.P1, writer, "COUNTS-TEXT");
        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.RunScheduleAsync();
        var failed = (await factory.DeliveriesAsync(cohort)).Single(d => d.UserId == learner.Id);
        await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.DigestDeliveries.Where(d => d.Id == failed.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DigestDeliveryStatus.Failed).SetProperty(d => d.Attempts, 4).SetProperty(d => d.LastError, "SmtpCommandException: 550 mailbox unavailable")));
        await factory.SendCohortAsync(cohort);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);

        var page = await client.GetDocumentAsync(Page(cohort));
        var week = page.QuerySelectorAll("#weeks ~ table tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["1", "1", "1", "0"], week.Skip(1).ToList());
        Assert.Contains("550 mailbox unavailable", page.QuerySelector("#members ~ table")!.TextContent, StringComparison.Ordinal);

        var before = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default");
        using var response = await client.SubmitAsync(Page(cohort), new Dictionary<string, string>(), "form[action*='Resend']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before + 1, factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default"));
        await factory.SendOneAsync(failed.Id);
        Assert.Single(factory.Mail.To(learner.Email!));
        Assert.Equal(DigestDeliveryStatus.Sent, (await factory.DeliveriesAsync(cohort)).Single(d => d.Id == failed.Id).Status);
    }

    [Fact]
    public async Task Learners_are_refused_and_other_institutions_find_nothing()
    {
        var cohort = await factory.CohortAsync("Guarded");
        var learner = await factory.PersonAsync(cohort, "Curious learner");
        var otherAdmin = await factory.MemberAsync(factory.B, $"{Guid.NewGuid():N}@dig-b.test", InstitutionRole.Admin);
        using var learnerClient = await factory.CreateClientAsAsync(learner);
        using var otherClient = await factory.CreateClientAsAsync(otherAdmin);

        using var refused = await learnerClient.GetAsync(Page(cohort));
        using var refusedPost = await learnerClient.PostAsync($"{Page(cohort)}?handler=SendNow", new FormUrlEncodedContent([]));
        using var hidden = await otherClient.GetAsync($"/dig-b/cohorts/{cohort.Id}/digest");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, refusedPost.StatusCode);
        Assert.Empty(await factory.DeliveriesAsync(cohort));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public void The_schedule_runs_every_quarter_hour_as_a_recurring_job()
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == ScheduleDigestsJob.RecurringJobId);
        Assert.Equal("*/15 * * * *", job.Cron);
    }
}
