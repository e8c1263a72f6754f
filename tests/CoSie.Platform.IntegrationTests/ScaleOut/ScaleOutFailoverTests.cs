using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Features.Discussions.Live;
using CoSie.Platform.Web.Identity;

namespace CoSie.Platform.IntegrationTests.ScaleOut;

// An instance stops while pages are connected to it. A class of its own, on its own database: a job server stopped
// in the middle of its work can leave Hangfire's recurring-job lock behind until the lock times out, which would hold
// up the recurring-job tests that share a database with it.
public sealed class ScaleOutFailoverTests(ScaleOutFactory factory) : IClassFixture<ScaleOutFactory>
{
    private Uri B => factory.InstanceB.ServerAddress;

    [Fact]
    public async Task A_page_whose_instance_stops_reconnects_to_another_and_catches_up_on_what_it_missed()
    {
        var cohort = await factory.OpenCohortAsync("Failover");
        var author = await factory.LearnerAsync(cohort, "Fay Failover");
        var reader = await factory.LearnerAsync(cohort, "Rex Reader");
        using var authorOnB = await ClientAsync(B, author);
        var reflectionId = await factory.WriteReflectionAsync(authorOnB, cohort, "What stays when a pilot ends?");
        var instanceC = await factory.StartPeerAsync("C");
        await using var balancer = new LoopbackBalancer(instanceC.ServerAddress);
        await using var live = await LiveClient.ConnectAsync(balancer.Address, await factory.SessionCookieHeaderAsync(reader));
        var joined = await live.JoinAsync(factory.A.Slug, reflectionId, 1);
        var applied = new List<ThreadEventMessage>();
        var lastSequence = joined.LastSequence;
        var replyOne = await factory.ReplyAsync(authorOnB, cohort, reflectionId, "The habits.");
        Apply(await live.NextAsync<ThreadEventMessage>("ReplyPosted"));

        // The instance the page is connected to is stopped; the proxy sends new connections to instance B.
        balancer.Target = B;
        await ((IAsyncLifetime)instanceC).DisposeAsync();
        var replyTwo = await factory.ReplyAsync(authorOnB, cohort, reflectionId, "The people who met.");
        var replyThree = await factory.ReplyAsync(authorOnB, cohort, reflectionId, "The shared language.");
        await live.NextAsync<object?>("Reconnected", 20);
        // What the page does on reconnecting: join again from the last sequence it saw.
        var rejoined = await live.JoinAsync(factory.A.Slug, reflectionId, lastSequence);
        rejoined.Missed.ToList().ForEach(Apply);
        var replyFour = await factory.ReplyAsync(authorOnB, cohort, reflectionId, "And a newsletter.");
        // Pushes leave after their commit (the discussion outbox), so one of a reply the rejoin already returned can
        // still arrive; the page drops it by its sequence, as Apply does, and reads on.
        ThreadEventMessage next;
        do
        {
            next = await live.NextAsync<ThreadEventMessage>("ReplyPosted");
            Apply(next);
        }
        while (next.PostId != replyFour);

        Assert.True(rejoined.Joined);
        Assert.Equal([replyOne, replyTwo, replyThree, replyFour], applied.Select(m => m.PostId));
        Assert.Equal(Enumerable.Range(0, 4).Select(i => joined.LastSequence + 1 + i), applied.Select(m => m.Sequence));

        // As the thread page's script does: an event at or below the last sequence seen is one the page has already.
        void Apply(ThreadEventMessage message)
        {
            if (message.Sequence > lastSequence)
            {
                applied.Add(message);
                lastSequence = message.Sequence;
            }
        }
    }

    private Task<HttpClient> ClientAsync(Uri server, PlatformUser user) => factory.CreateRealPortClientAsAsync(server, user);
}
