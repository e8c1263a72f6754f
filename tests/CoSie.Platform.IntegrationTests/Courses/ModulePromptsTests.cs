using System.Net;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.IntegrationTests.Courses;

// The module page lists its prompts above the text, each link naming its prompt, with a cohort member's standing.
public sealed class ModulePromptsTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private string ModuleUrl => factory.Url($"/courses/{factory.Course.Slug}/{factory.Module.Slug}");

    [Fact]
    public async Task The_prompts_come_before_the_text_and_each_link_names_its_prompt()
    {
        var cohort = await factory.CohortAsync("Names");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Nina Names"));

        var page = await learner.GetDocumentAsync(ModuleUrl);

        var top = page.QuerySelector(".module-prompts")!;
        Assert.True(top.CompareDocumentPosition(page.QuerySelector(".module > .prose")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.Equal(
            ["Prompt 1: What made co-creation spread in your pilot?", "Prompt 2: Who was left out, and why?", "Prompt 3: What would you do differently?"],
            top.QuerySelectorAll("a.module-prompt-link").Select(a => a.TextContent.Trim()));
        Assert.Equal(
            factory.Prompts.Select(p => $"/{factory.A.Slug}/cohorts/{cohort.Id}/prompts/{p.Id}"),
            top.QuerySelectorAll("a.module-prompt-link").Select(a => a.GetAttribute("href")));
        Assert.Equal("#prompts-heading", top.QuerySelector(".jump-link a")!.GetAttribute("href"));
        Assert.Equal(
            ["Discuss prompt 1 in Names", "Discuss prompt 2 in Names", "Discuss prompt 3 in Names"],
            page.QuerySelectorAll("a.discussion-link").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task A_member_sees_per_prompt_whether_they_answered_and_how_many_replies_it_has()
    {
        var cohort = await factory.OpenCohortAsync("Standing");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Sanna Standing"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pekka Standing"));
        var own = await factory.WriteReflectionAsync(learner, cohort, "Trust spread it.");
        await factory.ReplyAsync(peer, cohort, own, "Whose trust?");
        await factory.ReplyAsync(peer, cohort, own, "And how?");
        await factory.WriteReflectionAsync(learner, cohort, "Nobody, we hope.", prompt: 1);

        var page = await learner.GetDocumentAsync(ModuleUrl);

        Assert.Equal(
            ["Answered, 2 replies", "Answered, no replies yet", "Not answered yet."],
            page.QuerySelectorAll(".module-prompts .prompt-status").Select(s => s.TextContent.Trim()));
    }

    [Fact]
    public async Task A_member_of_two_cohorts_sees_each_cohorts_standing_apart()
    {
        var first = await factory.OpenCohortAsync("First of two");
        var second = await factory.OpenCohortAsync("Second of two");
        var user = await factory.LearnerAsync(first, "Toni Two");
        await factory.CohortMemberAsync(second, user, CohortRole.Learner);
        var learner = await factory.CreateClientAsAsync(user);
        await factory.WriteReflectionAsync(learner, second, "Answered in the second.");

        var page = await learner.GetDocumentAsync(ModuleUrl);

        var firstPrompt = page.QuerySelectorAll(".module-prompt")[0];
        Assert.Equal("#prompt-1", firstPrompt.QuerySelector("a.module-prompt-link")!.GetAttribute("href"));
        var lines = firstPrompt.QuerySelectorAll(".prompt-cohorts li")
            .Select(li => (li.QuerySelector("a")!.TextContent.Trim(), li.QuerySelector(".prompt-status")!.TextContent.Trim()))
            .OrderBy(l => l.Item1, StringComparer.Ordinal)
            .ToList();
        Assert.Equal([("Prompt 1 in First of two", "Not answered yet."), ("Prompt 1 in Second of two", "Answered, no replies yet")], lines);
    }

    [Fact]
    public async Task Someone_in_no_cohort_sees_the_prompts_but_nobodys_standing_or_cohorts()
    {
        var cohort = await factory.OpenCohortAsync("Private standing");
        var member = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Maija Member"));
        await factory.WriteReflectionAsync(member, cohort, "Mine.");
        var outsider = await factory.CreateClientAsAsync(await factory.MemberAsync(factory.A, "outsider@a.test", InstitutionRole.Learner));

        var page = await outsider.GetDocumentAsync(ModuleUrl);

        Assert.Equal(["#prompt-1", "#prompt-2", "#prompt-3"], page.QuerySelectorAll("a.module-prompt-link").Select(a => a.GetAttribute("href")));
        Assert.Empty(page.QuerySelectorAll(".prompt-status"));
        Assert.DoesNotContain(cohort.Id.ToString(), page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Private standing", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_of_another_institution_learns_nothing_of_the_module_or_its_cohorts()
    {
        var cohort = await factory.OpenCohortAsync("Other institution");
        var stranger = await factory.CreateClientAsAsync(await factory.MemberAsync(factory.B, "stranger@b.test", InstitutionRole.Learner));

        using var response = await stranger.GetAsync(ModuleUrl);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(cohort.Id.ToString(), body, StringComparison.Ordinal);
        Assert.DoesNotContain("What made co-creation spread", body, StringComparison.Ordinal);
    }
}
