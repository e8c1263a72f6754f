using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Discussions.Notifications;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoSie.Platform.IntegrationTests.Discussions;

// Mail about replies and mentions, through the real SMTP listener. The mail job runs here as Hangfire would run it at
// its due time; the clock is moved past each batch time instead of waiting for it.
public sealed class NotificationMailTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private static readonly TimeSpan BatchTimeUp = TimeSpan.FromMinutes(PlatformUser.DefaultMailBatchMinutes + 1);

    private async Task MailJobAsync(PlatformUser recipient, Guid reflectionId, NotificationKind kind, Guid? institutionId = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotificationMailJob>().SendAsync(institutionId ?? factory.A.Id, recipient.Id, reflectionId, kind, CancellationToken.None);
    }

    private async Task<(Cohort Cohort, PlatformUser Author, HttpClient AuthorClient, Guid ReflectionId)> ThreadAsync(string name)
    {
        var cohort = await factory.OpenCohortAsync(name);
        var author = await factory.LearnerAsync(cohort, $"{name} Author");
        var client = await factory.CreateClientAsAsync(author);
        var reflectionId = await factory.WriteReflectionAsync(client, cohort, "Trust grew when citizens co-designed the service.");
        return (cohort, author, client, reflectionId);
    }

    private async Task<Guid> PeerRepliesAsync(Cohort cohort, Guid reflectionId, string name, string body)
    {
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, name));
        return await factory.ReplyAsync(peer, cohort, reflectionId, body);
    }

    private IReadOnlyList<MimeMessage> MailsTo(PlatformUser user) => factory.Mail.To(user.Email!);

    [Fact]
    public async Task A_reply_mails_the_author_in_their_language_when_its_batch_time_is_up()
    {
        var (cohort, author, _, reflectionId) = await ThreadAsync("Reply mail");
        var replyId = await PeerRepliesAsync(cohort, reflectionId, "Pia Peer", "What made **trust** grow, in your view?");

        await MailJobAsync(author, reflectionId, NotificationKind.Reply);
        Assert.Empty(MailsTo(author));
        factory.Clock.Advance(BatchTimeUp);
        await MailJobAsync(author, reflectionId, NotificationKind.Reply);

        var mail = Assert.Single(MailsTo(author));
        Assert.Contains("Pia Peer replied to your post", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("What made trust grow, in your view?", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("**", mail.TextBody, StringComparison.Ordinal);
        Assert.EndsWith($"/{factory.A.Slug}/cohorts/{cohort.Id}/reflections/{reflectionId}?post={replyId}#post-{replyId}", mail.LinkTo("/reflections/"), StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Equal($"<{mail.LinkTo("/unsubscribe/")}>", mail.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task A_mention_mails_the_person_mentioned()
    {
        var cohort = await factory.OpenCohortAsync("Mention mail");
        var writer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Mika Mentioner"));
        var named = await factory.LearnerAsync(cohort, "Nora Named");

        var reflectionId = await factory.WriteReflectionAsync(writer, cohort, "As @Nora Named said, trust takes time.");
        factory.Clock.Advance(BatchTimeUp);
        await MailJobAsync(named, reflectionId, NotificationKind.Mention);

        var mail = Assert.Single(MailsTo(named));
        Assert.Contains("Mika Mentioner mentioned you", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("trust takes time", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replies_within_one_batch_time_come_in_one_mail_and_a_later_reply_waits_its_own()
    {
        var (cohort, author, _, reflectionId) = await ThreadAsync("Busy thread");
        await PeerRepliesAsync(cohort, reflectionId, "Anna Busy", "First thought.");
        await PeerRepliesAsync(cohort, reflectionId, "Ben Busy", "Second thought.");
        await PeerRepliesAsync(cohort, reflectionId, "Cleo Busy", "Third thought.");

        factory.Clock.Advance(BatchTimeUp);
        await MailJobAsync(author, reflectionId, NotificationKind.Reply);
        await MailJobAsync(author, reflectionId, NotificationKind.Reply);

        var mail = Assert.Single(MailsTo(author));
        Assert.Contains("3 new replies", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("First thought.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Third thought.", mail.TextBody, StringComparison.Ordinal);

        await PeerRepliesAsync(cohort, reflectionId, "Dan Busy", "Fourth thought.");
        await MailJobAsync(author, reflectionId, NotificationKind.Reply);
        Assert.Single(MailsTo(author));
        factory.Clock.Advance(BatchTimeUp);
        await MailJobAsync(author, reflectionId, NotificationKind.Reply);
        Assert.Equal(2, MailsTo(author).Count);
        Assert.Contains("Fourth thought.", MailsTo(author)[1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_click_unsubscribe_stops_reply_mails_only()
    {
        var (cohort, author, _, reflectionId) = await ThreadAsync("Unsubscribe replies");
        await PeerRepliesAsync(cohort, reflectionId, "Uma Unsub", "A reply.");
        factory.Clock.Advance(BatchTimeUp);
        await MailJobAsync(author, reflectionId, NotificationKind.Reply);
        var link = Assert.Single(MailsTo(author)).Headers["List-Unsubscribe"]!.Trim('<', '>');
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var response = await anonymous.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var choices = await factory.WithServicesAsync(s => s.GetRequiredService<Web.Data.PlatformDbContext>().Users
            .Where(u => u.Id == author.Id).Select(u => new { u.ReplyMails, u.MentionMails }).SingleAsync());
        Assert.Equal((false, true), (choices.ReplyMails, choices.MentionMails));
        await PeerRepliesAsync(cohort, reflectionId, "Vic Unsub", "Another reply.");
        var mentioner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Wes Unsub"));
        var mentionId = await factory.WriteReflectionAsync(mentioner, cohort, $"Thanks @{author.DisplayName} for the idea.", prompt: 1);
        factory.Clock.Advance(BatchTimeUp);
        await MailJobAsync(author, reflectionId, NotificationKind.Reply);
        await MailJobAsync(author, mentionId, NotificationKind.Mention);

        Assert.Equal(2, MailsTo(author).Count);
        Assert.Contains("mentioned you", MailsTo(author)[1].Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_unsubscribe_link_of_a_mention_mail_asks_first_and_its_button_stops_mention_mails_only()
    {
        var cohort = await factory.OpenCohortAsync("Mention unsubscribe");
        var writer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Milo Mentioner"));
        var named = await factory.LearnerAsync(cohort, "Nils Named");
        var reflectionId = await factory.WriteReflectionAsync(writer, cohort, "Over to you, @Nils Named.");
        factory.Clock.Advance(BatchTimeUp);
        await MailJobAsync(named, reflectionId, NotificationKind.Mention);
        var link = Assert.Single(MailsTo(named)).LinkTo("/unsubscribe/");
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var question = await anonymous.GetDocumentAsync(link);
        Assert.Equal("Mails about mentions of you", question.QuerySelector("h1")!.TextContent.Trim());
        using var stopped = await anonymous.SubmitAsync(link, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Contains("You will no longer receive mails when someone mentions you.", (await stopped.ParseAsync()).QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        var choices = await factory.WithServicesAsync(s => s.GetRequiredService<Web.Data.PlatformDbContext>().Users
            .Where(u => u.Id == named.Id).Select(u => new { u.ReplyMails, u.MentionMails }).SingleAsync());
        Assert.Equal((true, false), (choices.ReplyMails, choices.MentionMails));
    }

    [Fact]
    public async Task Reply_mails_switched_off_in_the_account_send_none_and_the_notification_stays_on_the_site()
    {
        var (cohort, author, authorClient, reflectionId) = await ThreadAsync("Preference off");
        using var saved = await authorClient.SubmitAsync(factory.Url("/Account/Manage/Digests"),
            new Dictionary<string, string> { ["Mails.ReplyMails"] = "false" }, "#mail-choices");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await PeerRepliesAsync(cohort, reflectionId, "Olli Off", "Nobody mails this.");
        factory.Clock.Advance(BatchTimeUp);
        await MailJobAsync(author, reflectionId, NotificationKind.Reply);

        Assert.Empty(MailsTo(author));
        var page = await authorClient.GetDocumentAsync(factory.Url("/notifications"));
        Assert.Contains("Olli Off replied to your post", Assert.Single(page.QuerySelectorAll(".notification")).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_hidden_before_its_mail_is_due_is_not_mailed()
    {
        var (cohort, author, _, reflectionId) = await ThreadAsync("Hidden reply");
        var replyId = await PeerRepliesAsync(cohort, reflectionId, "Hugo Hidden", "Buy cheap watches.");
        await factory.QueryAsync(db => db.Replies.Where(r => r.Id == replyId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, PostStatus.HiddenByModerator)));

        factory.Clock.Advance(BatchTimeUp);
        await MailJobAsync(author, reflectionId, NotificationKind.Reply);

        Assert.Empty(MailsTo(author));
        Assert.DoesNotContain(factory.Mail.Messages, m => (m.TextBody ?? string.Empty).Contains("cheap watches", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mail_about_another_institution_is_sent_from_there_with_its_links_and_never_from_here()
    {
        var (_, author, _, _) = await ThreadAsync("Isolation A");
        var courseB = await factory.CourseAsync(factory.B, "iso-course", "Isolation course");
        var moduleB = await factory.ModuleAsync(factory.B, courseB, "iso", "Isolation", ["What did you learn?"]);
        var cohortB = await Seed.CohortAsync(factory, factory.B, courseB, "Isolation B", configure: c => c.PostFirst = false);
        await factory.MemberAsync(factory.B, author, InstitutionRole.Learner);
        await factory.CohortMemberAsync(factory.B, cohortB, author);
        var reflectionB = await factory.ReflectionAsync(factory.B, cohortB, moduleB.Prompts[0], author, "My reflection at B.");
        var peerB = await factory.UserAsync($"{Guid.NewGuid():N}@coh-b.test", "Bea Beta");
        await factory.MemberAsync(factory.B, peerB, InstitutionRole.Learner);
        await factory.CohortMemberAsync(factory.B, cohortB, peerB);
        var peerClient = await factory.CreateClientAsAsync(peerB);

        using var posted = await peerClient.SubmitAsync($"/{factory.B.Slug}/cohorts/{cohortB.Id}/reflections/{reflectionB.Id}",
            new Dictionary<string, string> { ["Input.Body"] = "A reply at Beta." }, "#reply-form");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        await factory.OutboxDeliveredAsync(factory.B.Id);
        factory.Clock.Advance(BatchTimeUp);
        await MailJobAsync(author, reflectionB.Id, NotificationKind.Reply, factory.A.Id);
        Assert.Empty(MailsTo(author));
        await MailJobAsync(author, reflectionB.Id, NotificationKind.Reply, factory.B.Id);

        var mail = Assert.Single(MailsTo(author));
        Assert.Contains($"/{factory.B.Slug}/cohorts/{cohortB.Id}/reflections/{reflectionB.Id}", mail.LinkTo("/reflections/"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/{factory.A.Slug}/", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Beta Agency", mail.TextBody, StringComparison.Ordinal);
    }
}
