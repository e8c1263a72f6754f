using CoSie.Platform.IntegrationTests.Infrastructure;

namespace CoSie.Platform.IntegrationTests.Discussions;

// What a learner is told around posting a reflection: before (how many peers wait behind post-first), right after
// (a status that says when the peers' reflections open) and on their own thread while nobody has replied yet.
public sealed class PostingJourneyTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    [Fact]
    public async Task Before_posting_the_prompt_page_shows_one_form_and_how_many_peers_have_posted()
    {
        var cohort = await factory.CohortAsync("Count before");
        foreach (var name in new[] { "Pia Count", "Paavo Count", "Petra Count" })
        {
            await factory.WriteReflectionAsync(await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, name)), cohort, $"Thoughts of {name}.");
        }
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Lea Count"));

        var page = await learner.GetDocumentAsync(factory.PromptUrl(cohort));

        Assert.Equal(
            "3 peers have posted; their reflections open to you once you post yours.",
            page.QuerySelector(".held-back-count")!.TextContent.Trim());
        Assert.DoesNotContain("No reflections yet.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Thoughts of", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("textarea"));
        Assert.Single(page.QuerySelectorAll("h2"), h => h.TextContent.Trim() == "Your reflection");
    }

    [Fact]
    public async Task The_count_is_of_peers_in_the_same_cohort_only()
    {
        var cohort = await factory.CohortAsync("Count exact");
        var other = await factory.CohortAsync("Count elsewhere");
        await factory.WriteReflectionAsync(await factory.CreateClientAsAsync(await factory.LearnerAsync(other, "Olga Elsewhere")), other, "Elsewhere.");
        await factory.WriteReflectionAsync(await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pia Exact")), cohort, "Here.");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Lea Exact"));

        var page = await learner.GetDocumentAsync(factory.PromptUrl(cohort));

        Assert.Equal(
            "1 peer has posted; their reflection opens to you once you post yours.",
            page.QuerySelector(".held-back-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task After_posting_inside_the_edit_window_the_status_says_when_the_peers_reflections_open()
    {
        var cohort = await factory.CohortAsync("Status window");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Wilma Status"));

        var own = await factory.WriteReflectionAsync(learner, cohort, "My reflection.");
        var thread = await learner.GetDocumentAsync(factory.ThreadUrl(cohort, own));
        var again = await learner.GetDocumentAsync(factory.ThreadUrl(cohort, own));

        var status = thread.QuerySelector("main [role=status].notice")!.TextContent;
        Assert.StartsWith("Your reflection is posted. Your peers' reflections on this prompt open to you from ", status, StringComparison.Ordinal);
        Assert.Null(again.QuerySelector("main [role=status].notice"));
    }

    [Fact]
    public async Task After_posting_in_a_cohort_that_reveals_on_posting_the_status_says_the_peers_reflections_are_open()
    {
        var cohort = await factory.UpdateCohortAsync(await factory.CohortAsync("Status reveal"), c => c.RevealOnPost = true);
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Rea Status"));

        var own = await factory.WriteReflectionAsync(learner, cohort, "My reflection.");
        var thread = await learner.GetDocumentAsync(factory.ThreadUrl(cohort, own));

        Assert.Equal(
            "Your reflection is posted. Your peers' reflections on this prompt are now open to you.",
            thread.QuerySelector("main [role=status].notice")!.TextContent.Trim());
    }

    [Fact]
    public async Task After_posting_without_post_first_the_status_says_only_that_it_was_posted()
    {
        var cohort = await factory.OpenCohortAsync("Status open");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Olli Status"));

        var own = await factory.WriteReflectionAsync(learner, cohort, "My reflection.");
        var thread = await learner.GetDocumentAsync(factory.ThreadUrl(cohort, own));

        Assert.Equal("Your reflection is posted.", thread.QuerySelector("main [role=status].notice")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_own_thread_without_replies_says_replies_appear_there_and_folds_the_follow_up_form()
    {
        var cohort = await factory.OpenCohortAsync("Own quiet");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Aino Quiet"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pekka Quiet"));
        var own = await factory.WriteReflectionAsync(author, cohort, "My reflection.");

        var quiet = await author.GetDocumentAsync(factory.ThreadUrl(cohort, own));
        var peersView = await peer.GetDocumentAsync(factory.ThreadUrl(cohort, own));
        await factory.ReplyAsync(peer, cohort, own, "A peer's reply.");
        var answered = await author.GetDocumentAsync(factory.ThreadUrl(cohort, own));

        var note = quiet.QuerySelector(".own-thread-note")!;
        Assert.Contains("Your peers' replies will appear here", note.TextContent, StringComparison.Ordinal);
        Assert.EndsWith($"/cohorts/{cohort.Id}/prompts/{factory.Prompts[0].Id}", note.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        var folded = quiet.QuerySelector("details.follow-up")!;
        Assert.False(folded.HasAttribute("open"));
        Assert.Equal("Add a follow-up", folded.QuerySelector("summary")!.TextContent.Trim());
        Assert.NotNull(folded.QuerySelector("form#reply-form textarea"));
        Assert.Null(peersView.QuerySelector(".own-thread-note"));
        Assert.Null(peersView.QuerySelector("details.follow-up"));
        Assert.Null(answered.QuerySelector(".own-thread-note"));
        Assert.Null(answered.QuerySelector("details.follow-up"));
        Assert.NotNull(answered.QuerySelector("#reply-form"));
    }

    [Fact]
    public async Task A_follow_up_posted_from_the_folded_form_works_without_javascript()
    {
        var cohort = await factory.OpenCohortAsync("Own follow-up");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Fanni Follow"));
        var own = await factory.WriteReflectionAsync(author, cohort, "My reflection.");

        var replyId = await factory.ReplyAsync(author, cohort, own, "A second thought.");

        var page = await author.GetDocumentAsync(factory.ThreadUrl(cohort, own));
        Assert.Contains("A second thought.", page.QuerySelector($"#post-{replyId}")!.TextContent, StringComparison.Ordinal);
    }
}
