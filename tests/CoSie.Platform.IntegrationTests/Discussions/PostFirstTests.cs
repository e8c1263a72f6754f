using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.IntegrationTests.Discussions;

// Each test moves the shared clock forward only; cohorts are new per test, so their windows start fresh.
public sealed class PostFirstTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private async Task<(Web.Domain.Cohort Cohort, Guid PeerReflection)> CohortWithAPeerReflectionAsync(string name, Action<Web.Domain.Cohort>? configure = null)
    {
        var cohort = await factory.CohortAsync(name);
        if (configure is not null)
        {
            cohort = await factory.UpdateCohortAsync(cohort, configure);
        }
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pia Peer"));
        var reflection = await factory.WriteReflectionAsync(peer, cohort, "The peer's thoughts.");
        return (cohort, reflection);
    }

    [Fact]
    public async Task A_learner_who_has_not_posted_sees_no_peer_reflection_and_is_told_why()
    {
        var (cohort, peerReflection) = await CohortWithAPeerReflectionAsync("Not posted");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Lea Learner"));

        var page = await learner.GetDocumentAsync(factory.PromptUrl(cohort));
        using var thread = await learner.GetAsync(factory.ThreadUrl(cohort, peerReflection));

        Assert.Empty(page.QuerySelectorAll(".reflection-summary"));
        Assert.DoesNotContain("The peer's thoughts.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("post their own reflection first", page.QuerySelector(".post-first-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, thread.StatusCode);
        Assert.DoesNotContain("The peer's thoughts.", await thread.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "once its editing time has passed")]
    [InlineData(true, "as soon as you have posted yours")]
    public async Task Before_posting_the_notice_says_when_the_cohort_opens_the_peers_reflections(bool revealOnPost, string when)
    {
        var (cohort, _) = await CohortWithAPeerReflectionAsync($"Notice {revealOnPost}", c => c.RevealOnPost = revealOnPost);
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Noel Notice"));

        var notice = (await learner.GetDocumentAsync(factory.PromptUrl(cohort))).QuerySelector(".post-first-notice")!.TextContent;

        Assert.Contains(when, notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cohort_without_post_first_shows_no_notice_about_it()
    {
        var cohort = await factory.OpenCohortAsync("No post-first");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Vapa Vapaa"));

        var page = await learner.GetDocumentAsync(factory.PromptUrl(cohort));

        Assert.Null(page.QuerySelector(".post-first-notice"));
        Assert.DoesNotContain("post their own reflection first", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inside_the_edit_window_the_gate_stays_closed_and_the_page_says_when_it_opens()
    {
        var (cohort, peerReflection) = await CohortWithAPeerReflectionAsync("Inside window");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Wilma Window"));
        await factory.WriteReflectionAsync(learner, cohort, "A placeholder.");

        var page = await learner.GetDocumentAsync(factory.PromptUrl(cohort));
        using var thread = await learner.GetAsync(factory.ThreadUrl(cohort, peerReflection));

        Assert.Single(page.QuerySelectorAll(".reflection-summary"));
        Assert.Contains("You will see your peers' reflections from", page.QuerySelector(".post-first-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, thread.StatusCode);
    }

    [Fact]
    public async Task After_the_edit_window_the_gate_opens_and_deleting_the_only_reflection_closes_it_again()
    {
        var (cohort, peerReflection) = await CohortWithAPeerReflectionAsync("After window");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Anni After"));
        var own = await factory.WriteReflectionAsync(learner, cohort, "My real answer.");
        factory.Clock.Advance(TimeSpan.FromMinutes(Cohort.DefaultEditWindowMinutes + 1));

        var page = await learner.GetDocumentAsync(factory.PromptUrl(cohort));
        Assert.Equal(2, page.QuerySelectorAll(".reflection-summary").Length);
        Assert.Null(page.QuerySelector(".post-first-notice"));
        var thread = await learner.GetDocumentAsync(factory.ThreadUrl(cohort, peerReflection));
        Assert.Contains("The peer's thoughts.", thread.QuerySelector($"#post-{peerReflection}")!.TextContent, StringComparison.Ordinal);

        await learner.SubmitAsync($"{factory.ThreadUrl(cohort, own)}/posts/{own}/edit", new Dictionary<string, string>(), "#delete-form");

        using var closed = await learner.GetAsync(factory.ThreadUrl(cohort, peerReflection));
        Assert.Equal(HttpStatusCode.Forbidden, closed.StatusCode);
        var again = await learner.GetDocumentAsync(factory.PromptUrl(cohort));
        Assert.DoesNotContain("The peer's thoughts.", again.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cohort_that_reveals_on_posting_opens_the_gate_at_once()
    {
        var (cohort, peerReflection) = await CohortWithAPeerReflectionAsync("Reveal on post", c => c.RevealOnPost = true);
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Rea Reveal"));
        await factory.WriteReflectionAsync(learner, cohort, "Posted.");

        using var thread = await learner.GetAsync(factory.ThreadUrl(cohort, peerReflection));

        Assert.Equal(HttpStatusCode.OK, thread.StatusCode);
    }

    [Theory]
    [InlineData(CohortRole.Instructor)]
    [InlineData(CohortRole.Observer)]
    public async Task Instructors_and_observers_always_see_reflections(CohortRole role)
    {
        var (cohort, peerReflection) = await CohortWithAPeerReflectionAsync("Always " + role);
        var person = await factory.CreateClientAsAsync(await factory.PersonInCohortAsync(cohort, role, "Olli " + role));

        var page = await person.GetDocumentAsync(factory.PromptUrl(cohort));
        var thread = await person.GetDocumentAsync(factory.ThreadUrl(cohort, peerReflection));

        Assert.Single(page.QuerySelectorAll(".reflection-summary"));
        Assert.NotNull(thread.QuerySelector($"#post-{peerReflection}"));
    }
}
