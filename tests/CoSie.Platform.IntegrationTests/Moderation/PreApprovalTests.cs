using System.Net;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Moderation;

public sealed class PreApprovalTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    [Fact]
    public async Task A_learners_reply_waits_for_approval_and_approving_publishes_it_and_notifies()
    {
        var cohort = await factory.OpenCohortAsync("Approval", c => c.RequireApproval = true);
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var reflectionId = await factory.WriteReflectionAsync(instructor, cohort, "The instructor is never queued.");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Anni Awaiting"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pentti Peer"));

        var replyId = await factory.ReplyAsync(author, cohort, reflectionId, "Waiting for a nod.");
        var authorPage = await author.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        var peerBefore = await peer.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        var queue = await instructor.GetDocumentAsync(factory.Url($"/cohorts/{cohort.Id}/moderation"));
        using var approved = await instructor.PostFormAsync(factory.Url($"/cohorts/{cohort.Id}/moderation"),
            (AngleSharp.Html.Dom.IHtmlFormElement)queue.QuerySelector($"[data-post-id='{replyId}'] form[action*=Approve]")!, new Dictionary<string, string>());
        var peerAfter = await peer.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));

        Assert.Equal(PostStatus.Visible, (await factory.ReflectionRowAsync(reflectionId)).Status);
        Assert.Contains("Waiting for a nod.", authorPage.QuerySelector(".own-awaiting")!.TextContent, StringComparison.Ordinal);
        Assert.Null(peerBefore.QuerySelector($"#post-{replyId}"));
        Assert.Equal("1", queue.QuerySelector("#awaiting .queue-count")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.NotNull(peerAfter.QuerySelector($"#post-{replyId}"));
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.PostId == replyId && n.Kind == NotificationKind.PostApproved)));
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.PostId == replyId && n.Kind == NotificationKind.Reply && n.UserId == factory.Instructor.Id)));
        Assert.Equal(ModerationActionKind.Approve, Assert.Single(await factory.AuditAsync(cohort.Id)).Kind);
    }

    [Fact]
    public async Task A_learners_reflection_awaiting_approval_is_hidden_from_peers()
    {
        var cohort = await factory.OpenCohortAsync("Approval reflection", c => c.RequireApproval = true);
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Arto Awaiting"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Paula Peer"));

        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Mine, for now.");
        using var peerThread = await peer.GetAsync(factory.ThreadUrl(cohort, reflectionId));
        var peerList = await peer.GetDocumentAsync(factory.PromptUrl(cohort));
        var authorList = await author.GetDocumentAsync(factory.PromptUrl(cohort));

        Assert.Equal(HttpStatusCode.NotFound, peerThread.StatusCode);
        Assert.Null(peerList.QuerySelector($"[data-reflection-id='{reflectionId}']"));
        Assert.NotNull(authorList.QuerySelector($"[data-reflection-id='{reflectionId}'] .awaiting-mark"));
    }

    [Fact]
    public async Task With_first_posts_only_a_learner_is_queued_until_that_many_posts_are_published()
    {
        var cohort = await factory.OpenCohortAsync("First posts", c => { c.RequireApproval = true; c.ApprovalFirstPosts = 1; });
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var reflectionId = await factory.WriteReflectionAsync(instructor, cohort, "Start here.");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Frida First"));

        var first = await factory.ReplyAsync(learner, cohort, reflectionId, "My first post.");
        var firstStatus = (await factory.ReplyRowAsync(first)).Status;
        using var approved = await factory.ModerateAsync(instructor, cohort, reflectionId, first, "#approve-form");
        var second = await factory.ReplyAsync(learner, cohort, reflectionId, "My second post.");

        Assert.Equal(PostStatus.AwaitingApproval, firstStatus);
        Assert.Equal(PostStatus.Visible, (await factory.ReplyRowAsync(first)).Status);
        Assert.Equal(PostStatus.Visible, (await factory.ReplyRowAsync(second)).Status);
    }
}
