using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Xunit.Abstractions;

namespace CoSie.Platform.IntegrationTests.Discussions;

public sealed class ThreadQueryCountTests(DiscussionFactory factory, ITestOutputHelper output) : IClassFixture<DiscussionFactory>
{
    // Replies are seeded in bulk, as a deep and wide tree: every third reply answers the one before it.
    private async Task<Guid> ThreadWithRepliesAsync(Cohort cohort, int replies)
    {
        var authorId = (await factory.LearnerAsync(cohort, $"Author of {replies}")).Id;
        return await factory.QueryAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            var reflection = new Reflection { CohortId = cohort.Id, PromptId = factory.Prompts[0].Id, AuthorId = authorId, BodySource = "Root", BodyHtml = "<p>Root</p>", CreatedAt = now, LastActivityAt = now };
            db.Reflections.Add(reflection);
            Reply? previous = null;
            for (var i = 0; i < replies; i++)
            {
                var parent = i % 3 == 2 ? previous : null;
                var reply = reflection.AddReply(parent, authorId, $"Reply {i}", $"<p>Reply {i}</p>", now);
                db.Replies.Add(reply);
                db.ThreadEvents.Add(reflection.Record(ThreadEventKind.ReplyPosted, reply.Id, now));
                previous = reply;
            }
            await db.SaveChangesAsync();
            return reflection.Id;
        });
    }

    [Fact]
    public async Task The_thread_page_runs_the_same_few_queries_for_10_100_and_1000_replies()
    {
        var cohort = await factory.OpenCohortAsync("Big threads");
        var reader = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Rolf Reader"));
        var counts = new Dictionary<int, int>();
        var warmUp = await ThreadWithRepliesAsync(cohort, 1);
        await reader.GetDocumentAsync(factory.ThreadUrl(cohort, warmUp));

        foreach (var size in new[] { 10, 100, 1000 })
        {
            var reflectionId = await ThreadWithRepliesAsync(cohort, size);
            factory.Commands.Reset();
            var page = await reader.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
            counts[size] = factory.Commands.Count;
            Assert.Equal(size + 1, page.QuerySelectorAll("article.post[data-post-id]").Length);
        }

        output.WriteLine(string.Join(", ", counts.Select(c => $"{c.Key} replies: {c.Value} SQL commands")));
        Assert.Equal(counts[10], counts[100]);
        Assert.Equal(counts[10], counts[1000]);
        Assert.True(counts[10] <= 6, $"The thread page ran {counts[10]} SQL commands.");
    }

    [Fact]
    public async Task A_cached_thread_still_shows_each_persons_own_marks_and_never_a_stale_version()
    {
        var cohort = await factory.OpenCohortAsync("Cache");
        var author = await factory.LearnerAsync(cohort, "Cara Cache");
        var authorClient = await factory.CreateClientAsAsync(author);
        var reader = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Cyril Cache"));
        var reflectionId = await factory.WriteReflectionAsync(authorClient, cohort, "Cache me.");

        var before = await reader.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        var replyId = await factory.ReplyAsync(authorClient, cohort, reflectionId, "Fresh reply.");
        var after = await reader.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        var own = await authorClient.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));

        Assert.Null(before.QuerySelector($"#post-{replyId}"));
        Assert.NotNull(after.QuerySelector($"#post-{replyId}"));
        Assert.Null(after.QuerySelector($"#post-{replyId} .edit-link"));
        Assert.NotNull(own.QuerySelector($"#post-{replyId} .edit-link"));
    }
}
