using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.IntegrationTests.NextSteps;

// The institution's home answers "what next" for each running cohort of the signed-in person, and the cohort page
// does for that cohort: prompts still to answer, peers' reflections about to open, and an instructor's work.
public sealed class WhatNextTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private string Home => factory.Url("/");

    private static AngleSharp.Dom.IElement CardOf(AngleSharp.Html.Dom.IHtmlDocument page, Cohort cohort) =>
        page.QuerySelector($"section.next-steps[aria-labelledby='next-{cohort.Id}']")
        ?? throw new Xunit.Sdk.XunitException($"No next steps for {cohort.Name} in: {page.QuerySelector(".what-next")?.TextContent}");

    [Fact]
    public async Task A_learner_sees_the_prompts_they_have_not_answered_with_how_many_peers_have()
    {
        var cohort = await factory.OpenCohortAsync("Unanswered prompts");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Ulla Unanswered"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pia Peer"));
        await factory.WriteReflectionAsync(peer, cohort, "The peer's first.");
        await factory.WriteReflectionAsync(learner, cohort, "My second.", prompt: 1);

        var card = CardOf(await learner.GetDocumentAsync(Home), cohort);

        var items = card.QuerySelectorAll(".step-list li").Select(li => li.QuerySelector("a")!).ToList();
        Assert.Equal(["What made co-creation spread in your pilot?", "What would you do differently?"], items.Select(a => a.TextContent.Trim()));
        Assert.Equal([factory.PromptUrl(cohort, 0), factory.PromptUrl(cohort, 2)], items.Select(a => a.GetAttribute("href")));
        Assert.Contains("1 peer has posted", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("No peer has posted yet", card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_answering_everything_the_learner_is_pointed_to_the_peers()
    {
        var cohort = await factory.OpenCohortAsync("All answered");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Aino Answered"));
        for (var prompt = 0; prompt < factory.Prompts.Count; prompt++)
        {
            await factory.WriteReflectionAsync(learner, cohort, $"Answer {prompt}.", prompt);
        }

        var card = CardOf(await learner.GetDocumentAsync(Home), cohort);

        Assert.Contains("You have answered every prompt published so far.", card.TextContent, StringComparison.Ordinal);
        Assert.Null(card.QuerySelector($"a[href='{factory.PromptUrl(cohort, 0)}']"));
    }

    [Fact]
    public async Task A_post_first_cohort_says_when_the_peers_reflections_open()
    {
        var cohort = await factory.OpenCohortAsync("Opening soon", c =>
        {
            c.PostFirst = true;
            c.EditWindowMinutes = 45;
        });
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Olli Opening"));
        await factory.WriteReflectionAsync(learner, cohort, "Posted, waiting.");

        var card = CardOf(await learner.GetDocumentAsync(Home), cohort);

        Assert.Contains("Your peers' reflections on “What made co-creation spread in your pilot?” open at", card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instructor_sees_flags_unanswered_reflections_and_learners_who_have_not_started()
    {
        var cohort = await factory.OpenCohortAsync("Instructor's work");
        var instructor = await factory.CreateClientAsAsync(await factory.PersonInCohortAsync(cohort, CohortRole.Instructor, "Iida Instructor"));
        var writer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Wilma Writer"));
        await factory.LearnerAsync(cohort, "Sami Silent");
        var unanswered = await factory.WriteReflectionAsync(writer, cohort, "Nobody answers me.");
        var answered = await factory.WriteReflectionAsync(writer, cohort, "Somebody answers me.", prompt: 1);
        var reply = await factory.ReplyAsync(instructor, cohort, answered, "I do.");
        using (await writer.SubmitAsync(factory.ThreadUrl(cohort, answered) + $"/posts/{reply}/flag",
            new Dictionary<string, string> { ["Input.Reason"] = "Spam", ["Input.Note"] = "" }, "#flag-form"))
        {
        }

        var card = CardOf(await instructor.GetDocumentAsync(Home), cohort);

        var text = card.TextContent;
        Assert.Contains("1 flagged post to review", text, StringComparison.Ordinal);
        Assert.Contains("1 reflection nobody has replied to", text, StringComparison.Ordinal);
        Assert.Contains("1 learner has not posted yet", text, StringComparison.Ordinal);
        var thread = Assert.Single(card.QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains("/reflections/", StringComparison.Ordinal));
        Assert.Equal(factory.ThreadUrl(cohort, unanswered), thread.GetAttribute("href"));
        Assert.Equal("Wilma Writer on “What made co-creation spread in your pilot?”", thread.TextContent.Trim());
        Assert.NotNull(card.QuerySelector($"a[href='{factory.Url($"/cohorts/{cohort.Id}/moderation")}']"));
        Assert.NotNull(card.QuerySelector($"a[href='{factory.Url($"/cohorts/{cohort.Id}/progress")}']"));
    }

    [Fact]
    public async Task Unread_replies_are_counted_and_link_to_the_notifications()
    {
        var cohort = await factory.OpenCohortAsync("Unread");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Riku Read"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Rauni Replier"));
        var reflection = await factory.WriteReflectionAsync(learner, cohort, "Reply to me.");
        await factory.ReplyAsync(peer, cohort, reflection, "Here you are.");
        await factory.ReplyAsync(peer, cohort, reflection, "And again.");

        var card = CardOf(await learner.GetDocumentAsync(Home), cohort);

        var link = card.QuerySelector($"a[href='{factory.Url("/notifications")}']")!;
        Assert.Equal("2 new replies and mentions", link.TextContent.Trim());
    }

    [Fact]
    public async Task The_cohort_page_shows_the_next_steps_of_that_cohort_only()
    {
        var shown = await factory.OpenCohortAsync("Shown on its page");
        var other = await factory.OpenCohortAsync("Not on that page");
        var user = await factory.LearnerAsync(shown, "Cecilia Cohort");
        await factory.CohortMemberAsync(other, user, CohortRole.Learner);
        var learner = await factory.CreateClientAsAsync(user);

        var page = await learner.GetDocumentAsync(factory.Url($"/cohorts/{shown.Id}"));

        Assert.NotNull(CardOf(page, shown).QuerySelector($"a[href='{factory.PromptUrl(shown, 0)}']"));
        Assert.Single(page.QuerySelectorAll("section.next-steps"));
    }

    [Fact]
    public async Task Ended_cohorts_and_other_institutions_do_not_appear()
    {
        var running = await factory.OpenCohortAsync("Still running");
        var ended = await factory.OpenCohortAsync("Long over", c => c.EndsOn = new DateOnly(2020, 1, 31));
        var user = await factory.LearnerAsync(running, "Eero Elsewhere");
        await factory.CohortMemberAsync(ended, user, CohortRole.Learner);
        var otherCourse = await factory.CourseAsync(factory.B, "elsewhere", "Elsewhere");
        await factory.ModuleAsync(factory.B, otherCourse, "b-module", "B module", ["A prompt of institution B?"]);
        var otherCohort = await Seed.CohortAsync(factory, factory.B, otherCourse, "Cohort of B");
        await factory.MemberAsync(factory.B, user, InstitutionRole.Learner);
        await Seed.CohortMemberAsync(factory, factory.B, otherCohort, user);
        var learner = await factory.CreateClientAsAsync(user);

        var page = await learner.GetDocumentAsync(Home);

        CardOf(page, running);
        Assert.Equal([running.Id.ToString()], page.QuerySelectorAll("section.next-steps").Select(s => s.GetAttribute("aria-labelledby")!["next-".Length..]));
        Assert.DoesNotContain("A prompt of institution B?", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(otherCohort.Id.ToString(), page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_in_no_running_cohort_is_told_how_to_join_one()
    {
        var client = await factory.CreateClientAsAsync(await factory.MemberAsync(factory.A, "nocohort@a.test", InstitutionRole.Learner));

        var page = await client.GetDocumentAsync(Home);

        Assert.Contains("You are not in a running cohort.", page.QuerySelector(".what-next")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_sees_no_next_steps()
    {
        var page = await factory.CreateClient().GetDocumentAsync(Home);

        Assert.Null(page.QuerySelector(".what-next"));
    }
}
