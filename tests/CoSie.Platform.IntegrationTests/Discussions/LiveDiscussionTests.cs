using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Discussions.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Discussions;

public sealed class LiveDiscussionTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private string Institution => factory.A.Slug;

    [Fact]
    public async Task Reply_reaches_readers_of_the_thread_with_its_html_and_the_next_sequence()
    {
        var cohort = await factory.OpenCohortAsync("Live reply");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Liisa Live"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Watch this space.");
        await using var reader = await LiveClient.ConnectAsync(factory, await factory.LearnerAsync(cohort, "Raimo Reader"));
        var joined = await reader.JoinAsync(Institution, reflectionId, afterSequence: 1);
        Assert.True(joined.Joined);
        Assert.Equal(1, joined.LastSequence);

        var replyId = await factory.ReplyAsync(author, cohort, reflectionId, "Live *now*.");

        var message = await reader.NextAsync<ThreadEventMessage>("ReplyPosted");
        Assert.Equal(replyId, message.PostId);
        Assert.Equal(2, message.Sequence);
        Assert.Contains($"id=\"post-{replyId}\"", message.Html, StringComparison.Ordinal);
        Assert.Contains("<em>now</em>", message.Html, StringComparison.Ordinal);
        Assert.Contains("class=\"post reply depth-0\"", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_reaches_readers_of_the_thread_only()
    {
        var cohort = await factory.OpenCohortAsync("Only readers");
        var other = await factory.OpenCohortAsync("Only readers, other cohort");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Olga Only"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Cohort business.");
        await using var member = await LiveClient.ConnectAsync(factory, await factory.LearnerAsync(cohort, "Maija Member"));
        await using var outsider = await LiveClient.ConnectAsync(factory, await factory.LearnerAsync(other, "Oskar Outsider"));
        var foreignUser = await factory.MemberAsync(factory.B, "foreign-live@b.test", InstitutionRole.Admin);
        await using var foreigner = await LiveClient.ConnectAsync(factory, foreignUser);

        Assert.True((await member.JoinAsync(Institution, reflectionId)).Joined);
        Assert.False((await outsider.JoinAsync(Institution, reflectionId)).Joined);
        Assert.False((await foreigner.JoinAsync(Institution, reflectionId)).Joined);
        Assert.False((await foreigner.JoinAsync(factory.B.Slug, reflectionId)).Joined);

        await factory.ReplyAsync(author, cohort, reflectionId, "Members only.");

        Assert.True(await member.ReceivesAsync("ReplyPosted"));
        Assert.False(await outsider.ReceivesAsync("ReplyPosted", seconds: 1));
        Assert.False(await foreigner.ReceivesAsync("ReplyPosted", seconds: 1));
    }

    [Fact]
    public async Task A_learner_held_back_by_post_first_cannot_join_a_peers_thread()
    {
        var cohort = await factory.CohortAsync("Live post first");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pirkko Poster"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Gated.");
        await using var held = await LiveClient.ConnectAsync(factory, await factory.LearnerAsync(cohort, "Heikki Held"));
        await using var instructor = await LiveClient.ConnectAsync(factory, factory.Instructor);

        var refused = await held.JoinAsync(Institution, reflectionId);
        Assert.True((await instructor.JoinAsync(Institution, reflectionId)).Joined);
        await factory.ReplyAsync(author, cohort, reflectionId, "Still gated.");

        Assert.False(refused.Joined);
        Assert.Equal("post-first", refused.Refusal);
        Assert.Empty(refused.Missed);
        Assert.True(await instructor.ReceivesAsync("ReplyPosted"));
        Assert.False(await held.ReceivesAsync("ReplyPosted", seconds: 1));
    }

    [Fact]
    public async Task Catching_up_after_a_gap_returns_exactly_the_missed_events_once()
    {
        var cohort = await factory.OpenCohortAsync("Catch up");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Kaisa Catch"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Kalle Catch"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Gap ahead.");
        var seen = await factory.ReplyAsync(peer, cohort, reflectionId, "Seen before the gap.");
        var missedOne = await factory.ReplyAsync(peer, cohort, reflectionId, "Missed one.");
        var missedTwo = await factory.ReplyAsync(author, cohort, reflectionId, "Missed two.", parentId: missedOne);
        await using var reader = await LiveClient.ConnectAsync(factory, await factory.LearnerAsync(cohort, "Kerttu Reconnect"));

        var result = await reader.JoinAsync(Institution, reflectionId, afterSequence: 2);
        var again = await reader.Connection.InvokeAsync<JoinResult>("CatchUp", reflectionId, result.LastSequence);

        Assert.True(result.Joined);
        Assert.Equal([3L, 4L], result.Missed.Select(m => m.Sequence));
        Assert.Equal([missedOne, missedTwo], result.Missed.Select(m => m.PostId));
        Assert.DoesNotContain(result.Missed, m => m.PostId == seen);
        Assert.Equal(missedOne, result.Missed[1].ParentId);
        Assert.Equal(4, result.LastSequence);
        Assert.Empty(again.Missed);
    }

    [Fact]
    public async Task Removing_a_member_from_the_cohort_ends_their_live_updates()
    {
        var cohort = await factory.OpenCohortAsync("Removal live");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Reija Remain"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Before the removal.");
        var leaving = await factory.LearnerAsync(cohort, "Lasse Leaving");
        await using var live = await LiveClient.ConnectAsync(factory, leaving);
        await using var stays = await LiveClient.ConnectAsync(factory, factory.Instructor);
        Assert.True((await live.JoinAsync(Institution, reflectionId)).Joined);
        Assert.True((await stays.JoinAsync(Institution, reflectionId)).Joined);
        var member = Assert.Single(await factory.MembersOfAsync(cohort.Id), m => m.UserId == leaving.Id);
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);

        await instructor.SubmitAsync(factory.Url($"/cohorts/{cohort.Id}/members/{member.Id}/remove"), new Dictionary<string, string>());

        Assert.Equal(reflectionId, await live.NextAsync<Guid>("AccessEnded"));
        await factory.ReplyAsync(author, cohort, reflectionId, "After the removal.");
        Assert.True(await stays.ReceivesAsync("ReplyPosted"));
        Assert.False(await live.ReceivesAsync("ReplyPosted", seconds: 1));
        Assert.False((await live.JoinAsync(Institution, reflectionId)).Joined);
    }

    [Fact]
    public async Task Signing_out_ends_the_persons_live_connections()
    {
        var cohort = await factory.OpenCohortAsync("Sign out live");
        var user = await factory.LearnerAsync(cohort, "Sami Signout");
        var client = await factory.CreateClientAsAsync(user);
        var reflectionId = await factory.WriteReflectionAsync(client, cohort, "Leaving soon.");
        await using var live = await LiveClient.ConnectAsync(factory, user);
        Assert.True((await live.JoinAsync(Institution, reflectionId)).Joined);
        var page = await client.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        var token = page.QuerySelector("#post-action-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await client.PostAsync(factory.Url("/Account/Logout"), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await live.ReceivesAsync("Closed"));
        await Assert.ThrowsAnyAsync<Exception>(() => live.JoinAsync(Institution, reflectionId));
    }

    [Fact]
    public async Task A_client_that_calls_too_fast_is_told_to_slow_down()
    {
        var cohort = await factory.OpenCohortAsync("Hub flood");
        var user = await factory.LearnerAsync(cohort, "Hilkka Hurry");
        var client = await factory.CreateClientAsAsync(user);
        var reflectionId = await factory.WriteReflectionAsync(client, cohort, "Calm down.");
        await using var live = await LiveClient.ConnectAsync(factory, user);

        var error = await Assert.ThrowsAsync<HubException>(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await live.JoinAsync(Institution, reflectionId);
            }
        });

        Assert.Contains("Slow down", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handshake_from_a_foreign_origin_is_refused()
    {
        var client = factory.CreateClient();
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/hubs/discussions/negotiate?negotiateVersion=1");
        foreign.Headers.Add("Origin", "https://evil.example");
        using var own = new HttpRequestMessage(HttpMethod.Post, "/hubs/discussions/negotiate?negotiateVersion=1");
        own.Headers.Add("Origin", "http://localhost");

        using var refused = await client.SendAsync(foreign);
        using var allowed = await client.SendAsync(own);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        // Past the origin check, the hub asks for a signed-in person instead.
        Assert.NotEqual(HttpStatusCode.Forbidden, allowed.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, allowed.StatusCode);
    }
}
