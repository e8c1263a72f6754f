using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Features.Discussions.Notifications;

namespace CoSie.Platform.IntegrationTests.Discussions;

public sealed class NotificationsPageTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    [Fact]
    public async Task Replies_in_one_thread_are_one_entry_that_names_the_latest_and_leads_to_the_first_unread()
    {
        var cohort = await factory.OpenCohortAsync("Grouped");
        var author = await factory.LearnerAsync(cohort, "Gus Grouped");
        var authorClient = await factory.CreateClientAsAsync(author);
        var reflectionId = await factory.WriteReflectionAsync(authorClient, cohort, "Group my replies.");
        var firstId = await factory.ReplyAsync(await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Anna Early")), cohort, reflectionId,
            "The first **reply** <script>alert(1)</script> with a long tail " + string.Concat(Enumerable.Repeat("and more words ", 40)));
        factory.Clock.Advance(TimeSpan.FromSeconds(10));
        await factory.ReplyAsync(await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Ben Middle")), cohort, reflectionId, "The second reply.");
        factory.Clock.Advance(TimeSpan.FromSeconds(10));
        await factory.ReplyAsync(await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Cleo Latest")), cohort, reflectionId, "The third reply.");
        factory.Clock.Advance(TimeSpan.FromMinutes(5));

        var page = await authorClient.GetDocumentAsync(factory.Url("/notifications"));

        var entry = Assert.Single(page.QuerySelectorAll(".notification"));
        Assert.Contains("Cleo Latest and 2 others replied to your posts", entry.TextContent, StringComparison.Ordinal);
        Assert.Equal("3 new", entry.QuerySelector(".badge")!.TextContent.Trim());
        Assert.EndsWith($"?post={firstId}#post-{firstId}", entry.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        var excerpt = entry.QuerySelector(".notification-excerpt")!;
        Assert.StartsWith("The first reply", excerpt.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("…", excerpt.TextContent, StringComparison.Ordinal);
        Assert.Empty(excerpt.QuerySelectorAll("script, strong"));
        Assert.Contains("What made co-creation spread in your pilot?", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains(cohort.Name, entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("5 minutes ago", entry.TextContent, StringComparison.Ordinal);
        Assert.NotNull(entry.QuerySelector("time[datetime]"));
    }

    [Fact]
    public async Task The_list_is_paged_and_mark_all_as_read_clears_every_page()
    {
        var cohort = await factory.OpenCohortAsync("Paged");
        var reader = await factory.LearnerAsync(cohort, "Paula Paged");
        for (var i = 0; i < NotificationsModel.PageSize + 3; i++)
        {
            var writer = await factory.LearnerAsync(cohort, $"Writer {i}");
            var reflection = await factory.ReflectionAsync(factory.A, cohort, factory.Prompts[i % 3], writer, $"Post {i}");
            await factory.MentionAsync(factory.A, cohort, reader, reflection.Id, reflection.Id, writer);
        }
        var client = await factory.CreateClientAsAsync(reader);

        var first = await client.GetDocumentAsync(factory.Url("/notifications"));
        var second = await client.GetDocumentAsync(factory.Url("/notifications?p=2"));

        Assert.Equal(NotificationsModel.PageSize, first.QuerySelectorAll(".notification").Length);
        Assert.Equal(3, second.QuerySelectorAll(".notification").Length);
        Assert.NotNull(first.QuerySelector(".pagination a[rel=next]"));
        using var read = await client.SubmitAsync(factory.Url("/notifications?p=2"), new Dictionary<string, string>(), "form[action*=ReadAll]");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        var after = await client.GetDocumentAsync(factory.Url("/notifications"));
        Assert.Empty(after.QuerySelectorAll(".notification.unread"));
        Assert.Null(after.QuerySelector("form[action*=ReadAll]"));
    }

    [Fact]
    public async Task Nobody_has_notifications_at_first_and_the_page_says_so()
    {
        var cohort = await factory.OpenCohortAsync("Empty");
        var client = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Eve Empty"));

        var page = await client.GetDocumentAsync(factory.Url("/notifications"));

        Assert.NotNull(page.QuerySelector(".empty-state"));
        Assert.Empty(page.QuerySelectorAll(".notification"));
    }
}
