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
