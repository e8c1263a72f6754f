using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Xunit.Abstractions;

using CoSie.Platform.Web.Features.Discussions;

namespace CoSie.Platform.IntegrationTests.Discussions;

public sealed class ThreadQueryCountTests(DiscussionFactory factory, ITestOutputHelper output) : IClassFixture<DiscussionFactory>
{
    // Statements as PostgreSQL counts them (CommandCounter), the row-level security setting on connection open included.
    [Fact]
    public async Task The_thread_page_and_its_fragments_run_the_same_few_statements_for_10_100_and_1000_replies()
    {
        var cohort = await factory.OpenCohortAsync("Big threads");
        var reader = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Rolf Reader"));
        var (warmUp, _) = await factory.SeededThreadAsync(cohort, 1);
        await reader.GetDocumentAsync(factory.ThreadUrl(cohort, warmUp));
        var first = new Dictionary<int, int>();
        var again = new Dictionary<int, int>();
        var fragment = new Dictionary<int, int>();

        foreach (var size in new[] { 10, 100, 1000 })
        {
            var (reflectionId, _) = await factory.SeededThreadAsync(cohort, size);
            var url = factory.ThreadUrl(cohort, reflectionId);

            // The first view renders the thread and records the visit; the next finds both done.
            factory.Commands.Reset();
            var page = await reader.GetDocumentAsync(url);
            first[size] = factory.Commands.Count;
            Assert.Equal(1 + Math.Min(size, 20), page.QuerySelectorAll("article.post[data-post-id]").Length);

            factory.Commands.Reset();
            await reader.GetDocumentAsync(url);
            again[size] = factory.Commands.Count;

            factory.Commands.Reset();
            using var more = await reader.GetAsync($"{url}?handler=Page&page=1");
            fragment[size] = factory.Commands.Count;
            Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        }

        output.WriteLine($"first view: {Describe(first)}; again: {Describe(again)}; fragment: {Describe(fragment)}");
        foreach (var counts in new[] { first, again, fragment })
        {
            Assert.Equal(counts[10], counts[100]);
            Assert.Equal(counts[10], counts[1000]);
        }
        Assert.True(first[10] <= 6, $"The thread page ran {first[10]} SQL statements.");
        Assert.True(again[10] < first[10], "A repeated view with nothing new should neither render nor record anything.");
        Assert.True(fragment[10] <= again[10]);
    }

    [Fact]
    public async Task The_prompt_page_runs_the_same_few_statements_for_a_short_and_a_long_list()
    {
        var cohort = await factory.OpenCohortAsync("Long lists");
        var reader = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Lisa Lister"));
        var counts = new Dictionary<int, int>();
        foreach (var (prompt, size) in new[] { (1, 3), (2, 300) })
        {
            // Reflections of people who have since deleted their accounts: cheap to seed in bulk, listed all the same.
            await factory.QueryAsync(async db =>
            {
                var now = factory.Clock.GetUtcNow();
                for (var i = 0; i < size; i++)
                {
                    db.Reflections.Add(new Reflection { CohortId = cohort.Id, PromptId = factory.Prompts[prompt].Id, BodySource = $"R{i}", BodyHtml = $"<p>R{i}</p>", CreatedAt = now, LastActivityAt = now });
                }
                return await db.SaveChangesAsync();
            });
            await reader.GetDocumentAsync(factory.PromptUrl(cohort, prompt));
            factory.Commands.Reset();
            var page = await reader.GetDocumentAsync(factory.PromptUrl(cohort, prompt));
            counts[size] = factory.Commands.Count;
            // A page of the list at most (Discussions:ReflectionsPerPage), whatever the prompt holds.
            Assert.Equal(Math.Min(size, new DiscussionOptions().ReflectionsPerPage), page.QuerySelectorAll(".reflection-summary").Length);
        }

        output.WriteLine(Describe(counts));
        Assert.Equal(counts[3], counts[300]);
        Assert.True(counts[3] <= 6, $"The prompt page ran {counts[3]} SQL statements.");
    }

    private static string Describe(Dictionary<int, int> counts) => string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}"));

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
