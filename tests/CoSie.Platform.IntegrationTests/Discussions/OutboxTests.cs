using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Discussions.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Discussions;

// The discussion outbox: a post's notifications are written after its commit, by whichever worker takes its entry,
// exactly once.
public sealed class OutboxTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private OutboxWorker Worker => factory.Services.GetRequiredService<OutboxWorker>();

    [Fact]
    public async Task A_reply_notifies_once_however_many_deliveries_run_at_the_same_time()
    {
        var cohort = await factory.OpenCohortAsync("Outbox once");
        var author = await factory.LearnerAsync(cohort, "Olli Once");
        var mentioned = await factory.LearnerAsync(cohort, "Onni Named");
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Oona Once"));
        var reflectionId = await factory.WriteReflectionAsync(await factory.CreateClientAsAsync(author), cohort, "Reply to me.");

        await Worker.StopAsync(CancellationToken.None);
        try
        {
            using var response = await factory.PostReplyAsync(peer, cohort, reflectionId, "Here I am, and so is @Onni Named.");
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(1, await PendingAsync(reflectionId));

            await Task.WhenAll(
                Worker.DeliverAsync(factory.A.Id, waitForOthers: false, CancellationToken.None),
                Worker.DeliverAsync(factory.A.Id, waitForOthers: true, CancellationToken.None),
                Worker.DeliverAsync(factory.A.Id, waitForOthers: false, CancellationToken.None));
            await Worker.DeliverAsync(factory.A.Id, waitForOthers: true, CancellationToken.None);
        }
        finally
        {
            await Worker.StartAsync(CancellationToken.None);
        }

        Assert.Equal(0, await PendingAsync(reflectionId));
        var notifications = await factory.QueryAsync(db => db.Notifications.Where(n => n.ReflectionId == reflectionId).ToListAsync());
        Assert.Equal(2, notifications.Count);
        Assert.Single(notifications, n => n.UserId == author.Id && n.Kind == NotificationKind.Reply);
        Assert.Single(notifications, n => n.UserId == mentioned.Id && n.Kind == NotificationKind.Mention);
    }

    [Fact]
    public async Task What_a_stopped_worker_left_is_delivered_when_it_starts_again()
    {
        var cohort = await factory.OpenCohortAsync("Outbox restart");
        var author = await factory.LearnerAsync(cohort, "Riikka Restart");
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Reino Restart"));
        var reflectionId = await factory.WriteReflectionAsync(await factory.CreateClientAsAsync(author), cohort, "Reply while it is down.");

        await Worker.StopAsync(CancellationToken.None);
        try
        {
            using var response = await factory.PostReplyAsync(peer, cohort, reflectionId, "The worker is stopped.");
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(1, await PendingAsync(reflectionId));
            Assert.Equal(0, await NotificationsOfAsync(author.Id));
        }
        finally
        {
            await Worker.StartAsync(CancellationToken.None);
        }

        // Started again, the worker looks for entries at once (its poll), without a commit to wake it.
        for (var waited = 0; waited < 600 && await PendingAsync(reflectionId) > 0; waited++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(0, await PendingAsync(reflectionId));
        Assert.Equal(1, await NotificationsOfAsync(author.Id));
    }

    private Task<int> PendingAsync(Guid reflectionId) =>
        factory.QueryAsync(db => db.DiscussionOutbox.CountAsync(e => e.ReflectionId == reflectionId));

    private Task<int> NotificationsOfAsync(Guid userId) =>
        factory.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == userId));
}
