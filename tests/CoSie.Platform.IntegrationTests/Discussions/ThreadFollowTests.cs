using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Discussions;

public sealed class ThreadFollowTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private Task<List<Notification>> NotificationsOfAsync(PlatformUser user) =>
        factory.QueryAsync(db => db.Notifications.Where(n => n.UserId == user.Id).OrderBy(n => n.CreatedAt).ToListAsync());

    private async Task<(Cohort Cohort, PlatformUser Author, HttpClient AuthorClient, Guid ReflectionId)> ThreadAsync(string name)
    {
        var cohort = await factory.OpenCohortAsync(name);
        var author = await factory.LearnerAsync(cohort, $"{name} Author");
        var client = await factory.CreateClientAsAsync(author);
        return (cohort, author, client, await factory.WriteReflectionAsync(client, cohort, "A reflection to follow."));
    }

    private Task<HttpResponseMessage> ChooseAsync(HttpClient client, Cohort cohort, Guid reflectionId, ThreadFollowing level) =>
        client.SubmitAsync(factory.ThreadUrl(cohort, reflectionId), new Dictionary<string, string> { ["level"] = level.ToString() }, "#follow");

    [Fact]
    public async Task A_member_who_replies_follows_the_thread_and_hears_of_later_replies()
    {
        var (cohort, _, _, reflectionId) = await ThreadAsync("Auto follow");
        var first = await factory.LearnerAsync(cohort, "Fay First");
        var firstClient = await factory.CreateClientAsAsync(first);
        var second = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Sam Second"));

        await factory.ReplyAsync(firstClient, cohort, reflectionId, "I reply first.");
        var laterId = await factory.ReplyAsync(second, cohort, reflectionId, "I reply later.");

        var notification = Assert.Single(await NotificationsOfAsync(first));
        Assert.Equal((NotificationKind.ThreadReply, laterId), (notification.Kind, notification.PostId));
        var page = await firstClient.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        Assert.Contains("You follow this discussion.", page.QuerySelector("#follow")!.TextContent, StringComparison.Ordinal);
        var list = await firstClient.GetDocumentAsync(factory.Url("/notifications"));
        Assert.Contains("Sam Second replied in a discussion you follow", Assert.Single(list.QuerySelectorAll(".notification")).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Following_by_the_button_brings_every_reply_and_muting_brings_none()
    {
        var (cohort, author, authorClient, reflectionId) = await ThreadAsync("Button follow");
        var reader = await factory.LearnerAsync(cohort, "Rea Reader");
        var readerClient = await factory.CreateClientAsAsync(reader);
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pete Peer"));

        using (var followed = await ChooseAsync(readerClient, cohort, reflectionId, ThreadFollowing.Following))
        {
            Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        }
        using (var muted = await ChooseAsync(authorClient, cohort, reflectionId, ThreadFollowing.Muted))
        {
            Assert.Equal(HttpStatusCode.Redirect, muted.StatusCode);
        }
        await factory.ReplyAsync(peer, cohort, reflectionId, "A reply to the muted author.");

        Assert.Equal(NotificationKind.ThreadReply, Assert.Single(await NotificationsOfAsync(reader)).Kind);
        Assert.Empty(await NotificationsOfAsync(author));
        var page = await authorClient.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        Assert.Contains("You muted this discussion.", page.QuerySelector("#follow")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_choice_is_refused_and_changes_nothing()
    {
        var (cohort, _, authorClient, reflectionId) = await ThreadAsync("Bad choice");

        using var response = await authorClient.SubmitAsync(factory.ThreadUrl(cohort, reflectionId), new Dictionary<string, string> { ["level"] = "Everything" }, "#follow");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.ThreadSubscriptions.CountAsync(s => s.ReflectionId == reflectionId)));
    }
}
