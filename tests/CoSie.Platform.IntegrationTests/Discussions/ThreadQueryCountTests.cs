using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Xunit.Abstractions;

using CoSie.Platform.Web.Features.Discussions;

namespace CoSie.Platform.IntegrationTests.Discussions;

public sealed partial class ThreadQueryCountTests(DiscussionFactory factory, ITestOutputHelper output) : IClassFixture<DiscussionFactory>
{
    // Statements as PostgreSQL counts them (CommandCounter), the row-level security setting on connection open included.
    [Fact]
    public async Task The_thread_page_and_its_fragments_run_the_same_few_statements_for_10_100_and_1000_replies()
    {
        var cohort = await factory.OpenCohortAsync("Big threads");
        var reader = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Rolf Reader"));
        var (warmUp, _) = await factory.SeededThreadAsync(cohort, 1);
        await reader.GetDocumentAsync(factory.ThreadUrl(cohort, warmUp));
        var writer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Wilma Writer"));
        var first = new Dictionary<int, int>();
        var again = new Dictionary<int, int>();
        var fragment = new Dictionary<int, int>();
        var afterReply = new Dictionary<int, int>();

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

            // The first view after a reply brings the cached thread up to date from the reply alone. The reply's
            // pushes may still be running, so this count is the response's own.
            var replyId = await factory.ReplyAsync(writer, cohort, reflectionId, $"One more for {size}.");
            using var latest = await reader.GetAsync($"{url}?post={replyId}");
            afterReply[size] = StatementsOf(latest);
            Assert.NotNull((await latest.ParseAsync()).QuerySelector($"#post-{replyId}"));
        }

        output.WriteLine($"first view: {Describe(first)}; again: {Describe(again)}; fragment: {Describe(fragment)}; after a reply: {Describe(afterReply)}");
        foreach (var counts in new[] { first, again, fragment, afterReply })
        {
            Assert.Equal(counts[10], counts[100]);
            Assert.Equal(counts[10], counts[1000]);
        }
        Assert.True(first[10] <= 6, $"The thread page ran {first[10]} SQL statements.");
        Assert.True(again[10] < first[10], "A repeated view with nothing new should neither render nor record anything.");
        Assert.True(fragment[10] <= again[10]);
        Assert.True(afterReply[10] <= first[10] + 1, $"The view after a reply ran {afterReply[10]} SQL statements.");
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

    // Server-Timing's "sql" (EF Core's commands) and "sql-session" (the row-level security setting per connection).
    private static int StatementsOf(HttpResponseMessage response) =>
        ServerTimingCount().Matches(string.Join(", ", response.Headers.GetValues("Server-Timing"))).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    [System.Text.RegularExpressions.GeneratedRegex("desc=\"(\\d+)\"")]
    private static partial System.Text.RegularExpressions.Regex ServerTimingCount();

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

    [Fact]
    public async Task A_cached_thread_brought_up_to_date_shows_each_change_in_its_place()
    {
        var cohort = await factory.OpenCohortAsync("Advancing");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Ada Advance"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pia Peer"));
        var reader = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Rea Reader"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Start here.");
        var url = factory.ThreadUrl(cohort, reflectionId);
        var first = await factory.ReplyAsync(peer, cohort, reflectionId, "First answer.");
        var second = await factory.ReplyAsync(peer, cohort, reflectionId, "Second answer.");
        Assert.Equal([first, second], PostsIn(await reader.GetDocumentAsync(url)));

        var nested = await factory.ReplyAsync(author, cohort, reflectionId, "Under the first.", first);
        using (var edited = await peer.SubmitAsync($"{url}/posts/{second}/edit", new Dictionary<string, string> { ["Input.Body"] = "Second answer, edited." }, "#edit-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }
        using (var deleted = await peer.SubmitAsync($"{url}/posts/{first}/edit", new Dictionary<string, string>(), "#delete-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }
        await factory.OutboxDeliveredAsync();
        var page = await reader.GetDocumentAsync(url);

        Assert.Equal([first, nested, second], PostsIn(page));
        Assert.Contains("deleted", page.QuerySelector($"#post-{first}")!.ClassList);
        Assert.DoesNotContain("First answer.", page.QuerySelector($"#post-{first}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Second answer, edited.", page.QuerySelector($"#post-{second} .post-body")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#post-{second} .edited-mark"));
        Assert.Contains("Under the first.", page.QuerySelector($"#post-{nested}")!.TextContent, StringComparison.Ordinal);
    }

    private static List<Guid> PostsIn(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("article.post.reply").Select(a => Guid.Parse(a.GetAttribute("data-post-id")!))];
}
