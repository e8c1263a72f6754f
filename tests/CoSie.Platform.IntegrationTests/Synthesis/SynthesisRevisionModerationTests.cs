using System.Net;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Synthesis;

// A moderator hides one revision of a synthesis's history (and restores it), audited, without hiding the synthesis.
public sealed class SynthesisRevisionModerationTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private string SynthesisUrl(Cohort cohort) => factory.Url($"/cohorts/{cohort.Id}/modules/{factory.Module.Id}/synthesis");

    private string HistoryUrl(Cohort cohort) => SynthesisUrl(cohort) + "/history";

    private Task<HttpResponseMessage> EditAsync(HttpClient client, Cohort cohort, string section, string text) =>
        client.SubmitAsync(SynthesisUrl(cohort), new Dictionary<string, string> { ["Input.Text"] = text }, $"#section-{section} form");

    private Task<List<SynthesisRevision>> RevisionsAsync(Cohort cohort) =>
        factory.QueryAsync(db => db.SynthesisRevisions.AsNoTracking()
            .Where(r => db.CohortSyntheses.Any(s => s.Id == r.SynthesisId && s.CohortId == cohort.Id)).OrderBy(r => r.StartedAt).ThenBy(r => r.Id).ToListAsync());

    [Fact]
    public async Task A_hidden_revision_loses_its_text_and_names_for_learners_until_restored_and_both_are_audited()
    {
        var cohort = await factory.CohortAsync("Revision hiding");
        var rude = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Rita Rude"));
        var kind = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Kalle Kind"));
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        using var insult = await EditAsync(rude, cohort, "agree", "Some insulting words about a colleague.");
        var first = Assert.Single(await RevisionsAsync(cohort));

        using var hidden = await instructor.SubmitAsync(HistoryUrl(cohort), new Dictionary<string, string> { ["reason"] = "Insulting." }, $"#revision-{first.Id} form");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        using var cleaned = await EditAsync(kind, cohort, "agree", "We agree that respect comes first.");
        var learnerHistory = await kind.GetDocumentAsync(HistoryUrl(cohort));
        var instructorHistory = await instructor.GetDocumentAsync(HistoryUrl(cohort));
        var revisions = await RevisionsAsync(cohort);
        using var restored = await instructor.SubmitAsync(HistoryUrl(cohort), new Dictionary<string, string> { ["reason"] = "Discussed with Rita." }, $"#revision-{first.Id} form");
        var afterRestore = await kind.GetDocumentAsync(HistoryUrl(cohort));
        var actions = await factory.QueryAsync(db => db.ModerationActions.Where(a => a.PostId == first.Id).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync());

        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, cleaned.StatusCode);
        // The next change starts a revision of its own rather than writing into the hidden one.
        Assert.Equal(2, revisions.Count);
        Assert.True(revisions[0].IsHidden);
        Assert.False(revisions[1].IsHidden);
        Assert.DoesNotContain("insulting words", learnerHistory.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Rita Rude", learnerHistory.QuerySelector(".synthesis-changes")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kalle Kind", learnerHistory.QuerySelector(".synthesis-changes")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("A moderator hid this revision.", learnerHistory.QuerySelector($"#revision-{first.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.Null(learnerHistory.QuerySelector(".revision-moderation"));
        Assert.Contains("insulting words", instructorHistory.QuerySelector($"#revision-{first.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(instructorHistory.QuerySelector($"#revision-{first.Id} .warning"));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Contains("insulting words", afterRestore.QuerySelector($"#revision-{first.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rita Rude", afterRestore.QuerySelector(".synthesis-changes")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([ModerationActionKind.Hide, ModerationActionKind.Restore], actions.Select(a => a.Kind));
        Assert.Equal(["Insulting.", "Discussed with Rita."], actions.Select(a => a.Reason));
        Assert.All(actions, a => Assert.Equal(factory.Instructor.Id, a.ModeratorId));
    }

    [Fact]
    public async Task A_learner_cannot_hide_a_revision_and_a_long_reason_is_refused_with_a_message()
    {
        var cohort = await factory.CohortAsync("Revision refusals");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Lasse Learner"));
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        using var saved = await EditAsync(learner, cohort, "try", "Meet residents where they are.");
        var revision = Assert.Single(await RevisionsAsync(cohort));
        // The learner's history has no such form: one of their own forms, sent to the moderators' handler.
        var learnerHistory = await learner.GetDocumentAsync(HistoryUrl(cohort));
        var ownForm = (AngleSharp.Html.Dom.IHtmlFormElement)(await learner.GetDocumentAsync(SynthesisUrl(cohort))).QuerySelector("#section-try form")!;

        using var forged = await learner.PostFormAsync(SynthesisUrl(cohort), ownForm, new Dictionary<string, string> { ["revisionId"] = revision.Id.ToString() }, action: HistoryUrl(cohort) + "?handler=HideRevision");
        using var tooLong = await instructor.SubmitAsync(HistoryUrl(cohort), new Dictionary<string, string> { ["reason"] = new string('x', ModerationAction.MaxReasonLength + 1) }, $"#revision-{revision.Id} form");

        Assert.Null(learnerHistory.QuerySelector(".revision-moderation"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most", (await tooLong.ParseAsync()).QuerySelector($"#revision-{revision.Id} .error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(Assert.Single(await RevisionsAsync(cohort)).IsHidden);
        Assert.Equal(0, await factory.QueryAsync(db => db.ModerationActions.CountAsync(a => a.PostId == revision.Id)));
    }

    [Fact]
    public async Task Hiding_a_revision_of_a_module_without_a_synthesis_is_not_found_and_makes_no_synthesis()
    {
        var cohort = await factory.CohortAsync("Revision without synthesis");
        var elsewhere = await factory.CohortAsync("Revision form elsewhere");
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        // A form of the instructor's from another cohort's synthesis, sent to this cohort's moderation handler.
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await instructor.GetDocumentAsync(SynthesisUrl(elsewhere))).QuerySelector("#section-try form")!;

        using var hide = await instructor.PostFormAsync(SynthesisUrl(cohort), form,
            new Dictionary<string, string> { ["revisionId"] = Guid.NewGuid().ToString(), ["reason"] = "Insulting." }, action: HistoryUrl(cohort) + "?handler=HideRevision");

        Assert.Equal(HttpStatusCode.NotFound, hide.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.CohortSyntheses.AnyAsync(s => s.CohortId == cohort.Id)));
        Assert.Equal(0, await factory.QueryAsync(db => db.ModerationActions.CountAsync(a => a.CohortId == cohort.Id)));
    }

    [Fact]
    public async Task Reading_the_history_of_a_module_without_a_synthesis_shows_it_empty_and_makes_no_synthesis()
    {
        var cohort = await factory.CohortAsync("History without synthesis");
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);

        using var response = await instructor.GetAsync(HistoryUrl(cohort));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await instructor.GetDocumentAsync(HistoryUrl(cohort));
        Assert.Empty(page.QuerySelectorAll("main table tbody tr"));
        Assert.Equal("Nothing written here yet.", page.QuerySelector("main .empty-state")?.TextContent.Trim());
        Assert.False(await factory.QueryAsync(db => db.CohortSyntheses.AnyAsync(s => s.CohortId == cohort.Id)));
    }
}
