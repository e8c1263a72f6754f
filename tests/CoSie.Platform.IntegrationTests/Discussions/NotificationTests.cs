using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Discussions;

public sealed class NotificationTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    [Fact]
    public async Task A_mention_notifies_the_person_mentioned_and_raises_their_badge()
    {
        var cohort = await factory.OpenCohortAsync("Mentions");
        var writer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Mia Mention"));
        var mentioned = await factory.LearnerAsync(cohort, "Noor Named");
        var mentionedClient = await factory.CreateClientAsAsync(mentioned);

        var reflectionId = await factory.WriteReflectionAsync(writer, cohort, "I agree with @Noor Named about trust.");

        var page = await mentionedClient.GetDocumentAsync(factory.PromptUrl(cohort));
        Assert.Equal("1", page.QuerySelector(".notification-badge")!.TextContent.Trim());
        var list = await mentionedClient.GetDocumentAsync(factory.Url("/notifications"));
        var item = Assert.Single(list.QuerySelectorAll(".notification"));
        Assert.Contains("Mia Mention mentioned you", item.TextContent, StringComparison.Ordinal);
        Assert.EndsWith($"#post-{reflectionId}", item.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_that_adds_a_mention_tells_only_the_newly_mentioned_once_and_announces_nothing_else()
    {
        var cohort = await factory.OpenCohortAsync("Edited mentions");
        var author = await factory.LearnerAsync(cohort, "Edda Editor");
        var writer = await factory.CreateClientAsAsync(author);
        var first = await factory.LearnerAsync(cohort, "Fanni First");
        var later = await factory.LearnerAsync(cohort, "Lauri Later");
        var follower = await factory.LearnerAsync(cohort, "Fia Follower");
        var reflectionId = await factory.WriteReflectionAsync(writer, cohort, "What does @Fanni First think?");
        var replyId = await factory.ReplyAsync(await factory.CreateClientAsAsync(follower), cohort, reflectionId, "Following this one.");
        var editUrl = $"{factory.ThreadUrl(cohort, reflectionId)}/posts/{reflectionId}/edit";

        async Task EditAsync(string body)
        {
            using var response = await writer.SubmitAsync(editUrl, new Dictionary<string, string> { ["Input.Body"] = body }, "#edit-form");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            await factory.OutboxDeliveredAsync();
        }
        await EditAsync("What do @Fanni First and @Lauri Later think?");
        await EditAsync("What do @Fanni First and @Lauri Later think? Also @Edda Editor, myself.");

        var told = await factory.QueryAsync(db => db.Notifications.Where(n => n.PostId == reflectionId)
            .Select(n => new { n.UserId, n.Kind }).ToListAsync());
        Assert.Equal(2, told.Count);
        Assert.Contains(told, n => n.UserId == first.Id && n.Kind == NotificationKind.Mention);
        Assert.Contains(told, n => n.UserId == later.Id && n.Kind == NotificationKind.Mention);
        var list = await (await factory.CreateClientAsAsync(later)).GetDocumentAsync(factory.Url("/notifications"));
        Assert.Contains("Edda Editor mentioned you", Assert.Single(list.QuerySelectorAll(".notification")).TextContent, StringComparison.Ordinal);
        Assert.Empty(await factory.QueryAsync(db => db.Notifications.Where(n => n.UserId == follower.Id && n.PostId != replyId).ToListAsync()));
    }

    [Fact]
    public async Task A_reply_notifies_the_author_of_the_post_replied_to_and_reading_the_thread_clears_it()
    {
        var cohort = await factory.OpenCohortAsync("Reply notice");
        var author = await factory.LearnerAsync(cohort, "Rauha Reply");
        var authorClient = await factory.CreateClientAsAsync(author);
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Risto Reply"));
        var reflectionId = await factory.WriteReflectionAsync(authorClient, cohort, "Reply to me.");

        await factory.ReplyAsync(peer, cohort, reflectionId, "Here I am.");

        var notification = Assert.Single(await factory.QueryAsync(db => db.Notifications.Where(n => n.UserId == author.Id).ToListAsync()));
        Assert.Equal(NotificationKind.Reply, notification.Kind);
        Assert.Null(notification.ReadAt);
        await authorClient.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        var page = await authorClient.GetDocumentAsync(factory.PromptUrl(cohort));
        Assert.True(page.QuerySelector(".notification-badge")!.HasAttribute("hidden"));
    }

    [Fact]
    public async Task A_learner_held_back_by_post_first_gets_no_mention_of_a_post_they_may_not_read()
    {
        var cohort = await factory.CohortAsync("Gated mention");
        var writer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Greta Gate"));
        var held = await factory.LearnerAsync(cohort, "Hilla Held");

        await factory.WriteReflectionAsync(writer, cohort, "Hello @Hilla Held, what do you think?");

        Assert.Equal(0, await factory.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == held.Id)));
    }
}
