using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Discussions.Live;

namespace CoSie.Platform.IntegrationTests.Moderation;

public sealed class LiveModerationTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    [Fact]
    public async Task Hiding_reaches_readers_as_a_placeholder_and_moderators_in_full()
    {
        var cohort = await factory.OpenCohortAsync("Live hide");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Hilla Hidden"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Live moderation.");
        var replyId = await factory.ReplyAsync(author, cohort, reflectionId, "Something regrettable.");
        await using var reader = await LiveClient.ConnectAsync(factory, await factory.LearnerAsync(cohort, "Reino Reader"));
        await using var moderator = await LiveClient.ConnectAsync(factory, factory.Instructor);
        Assert.True((await reader.JoinAsync(factory.A.Slug, reflectionId, afterSequence: 2)).Joined);
        Assert.True((await moderator.JoinAsync(factory.A.Slug, reflectionId, afterSequence: 2)).Joined);

        using var hidden = await factory.ModerateAsync(await factory.CreateClientAsAsync(factory.Instructor), cohort, reflectionId, replyId, "#hide-form",
            new() { ["Input.Reason"] = "Regrettable." });

        var toReader = await reader.NextAsync<ThreadEventMessage>("PostModerated");
        var toModerator = await moderator.NextAsync<ThreadEventMessage>("PostModerated");
        Assert.Equal((ThreadEventKind.PostHidden, replyId), (toReader.Kind, toReader.PostId));
        Assert.Contains("hidden by a moderator", toReader.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("regrettable", toReader.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Something regrettable.", toModerator.Html, StringComparison.Ordinal);
        Assert.Contains("hidden-post", toModerator.Html, StringComparison.Ordinal);
    }
}
