using System.Net;
using System.Text.RegularExpressions;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Proposals;

// The author of a proposal hears of the instructor's decision on their notifications page, and only they do.
public sealed partial class ProposalNotificationTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private string ProposalsUrl(Cohort cohort) => factory.Url($"/cohorts/{cohort.Id}/modules/{factory.Module.Id}/proposals");

    private async Task<Guid> ProposeAsync(HttpClient client, Cohort cohort, string text)
    {
        using var response = await client.SubmitAsync(ProposalsUrl(cohort), new Dictionary<string, string> { ["Input.Text"] = text, ["Input.Why"] = "Because it matters to our services." }, "#proposal-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(ProposalAnchor().Match(response.Headers.Location!.ToString()).Groups[1].Value);
    }

    private Task<HttpResponseMessage> ActAsync(HttpClient client, Cohort cohort, Guid proposalId, string handler, Dictionary<string, string> values) =>
        client.SubmitAsync(ProposalsUrl(cohort), values, $"#proposal-{proposalId} form[action$='handler={handler}']");

    [Fact]
    public async Task The_author_hears_that_their_proposal_was_adopted_and_is_led_to_it_and_on_to_its_prompt()
    {
        var cohort = await factory.CohortAsync("Adoption heard");
        var authorUser = await factory.LearnerAsync(cohort, "Aino Adopted");
        var author = await factory.CreateClientAsAsync(authorUser);
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pauli Peer"));
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var id = await ProposeAsync(author, cohort, "Whom did your service forget to ask?");

        using var adopted = await ActAsync(instructor, cohort, id, "Adopt", new() { ["Input.AdoptedText"] = "" });
        var promptId = await factory.QueryAsync(db => db.PromptProposals.Where(p => p.Id == id).Select(p => p.PromptId).SingleAsync());
        var authorPage = await author.GetDocumentAsync(factory.Url("/notifications"));
        var peerPage = await peer.GetDocumentAsync(factory.Url("/notifications"));

        Assert.Equal(HttpStatusCode.Redirect, adopted.StatusCode);
        var entry = Assert.Single(authorPage.QuerySelectorAll(".notification"));
        Assert.Contains("Your proposed prompt was adopted", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("Whom did your service forget to ask?", entry.TextContent, StringComparison.Ordinal);
        Assert.EndsWith($"/cohorts/{cohort.Id}/modules/{factory.Module.Id}/proposals#proposal-{id}", entry.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Empty(peerPage.QuerySelectorAll(".notification"));
        var proposalsPage = await author.GetDocumentAsync(ProposalsUrl(cohort));
        Assert.EndsWith($"/cohorts/{cohort.Id}/prompts/{promptId}", proposalsPage.QuerySelector($"#proposal-{id} .proposal-adopted a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_the_proposals_page_marks_the_authors_decisions_there_as_read_and_nobody_elses()
    {
        var cohort = await factory.CohortAsync("Decision seen");
        var authorUser = await factory.LearnerAsync(cohort, "Saara Seen");
        var author = await factory.CreateClientAsAsync(authorUser);
        var otherUser = await factory.LearnerAsync(cohort, "Olli Other");
        var other = await factory.CreateClientAsAsync(otherUser);
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var mine = await ProposeAsync(author, cohort, "What would you stop doing first?");
        var theirs = await ProposeAsync(other, cohort, "Who pays when a service fails?");
        using var declinedMine = await ActAsync(instructor, cohort, mine, "Decline", new() { ["Input.Reason"] = "Too close to module 2." });
        using var declinedTheirs = await ActAsync(instructor, cohort, theirs, "Decline", new() { ["Input.Reason"] = "Out of scope." });
        Assert.Equal(HttpStatusCode.Redirect, declinedMine.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, declinedTheirs.StatusCode);

        var before = await factory.QueryAsync(db => db.Notifications.Where(n => n.UserId == authorUser.Id && n.ProposalId == mine).Select(n => n.ReadAt).SingleAsync());
        using var opened = await author.GetAsync(ProposalsUrl(cohort));
        var mineRead = await factory.QueryAsync(db => db.Notifications.Where(n => n.UserId == authorUser.Id && n.ProposalId == mine).Select(n => n.ReadAt).SingleAsync());
        var theirsRead = await factory.QueryAsync(db => db.Notifications.Where(n => n.UserId == otherUser.Id && n.ProposalId == theirs).Select(n => n.ReadAt).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Null(before);
        Assert.NotNull(mineRead);
        Assert.Null(theirsRead);
    }

    [Fact]
    public async Task The_author_reads_why_their_proposal_was_declined_and_nobody_else_does()
    {
        var cohort = await factory.CohortAsync("Decline heard");
        var authorUser = await factory.LearnerAsync(cohort, "Dan Declined");
        var author = await factory.CreateClientAsAsync(authorUser);
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pirjo Peer"));
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var id = await ProposeAsync(author, cohort, "Which form field do you like least?");

        using var declined = await ActAsync(instructor, cohort, id, "Decline", new() { ["Input.Reason"] = "Module 4 covers forms in depth." });
        var authorPage = await author.GetDocumentAsync(factory.Url("/notifications"));
        var peerPage = await peer.GetDocumentAsync(factory.Url("/notifications"));
        var instructorPage = await instructor.GetDocumentAsync(factory.Url("/notifications"));

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var entry = Assert.Single(authorPage.QuerySelectorAll(".notification"));
        Assert.Contains("Your proposed prompt was declined", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("Module 4 covers forms in depth.", entry.QuerySelector(".notification-reason")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith($"/cohorts/{cohort.Id}/modules/{factory.Module.Id}/proposals#proposal-{id}", entry.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain("Module 4 covers forms", peerPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Module 4 covers forms", instructorPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.Notifications.CountAsync(n => n.ProposalId == id && n.UserId == authorUser.Id && n.Kind == NotificationKind.ProposalDeclined)));
    }

    [Fact]
    public async Task The_decision_stays_in_its_institution_even_for_an_author_who_belongs_to_another()
    {
        var cohort = await factory.CohortAsync("Decision isolated");
        var authorUser = await factory.LearnerAsync(cohort, "Iida Institutions");
        await factory.MemberAsync(factory.B, authorUser, InstitutionRole.Learner);
        var author = await factory.CreateClientAsAsync(authorUser);
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var id = await ProposeAsync(author, cohort, "What did the other institution teach you?");

        using var declined = await ActAsync(instructor, cohort, id, "Decline", new() { ["Input.Reason"] = "Kept inside institution A." });
        var inA = await author.GetDocumentAsync(factory.Url("/notifications"));
        var inB = await author.GetDocumentAsync($"/{factory.B.Slug}/notifications");

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Single(inA.QuerySelectorAll(".notification"));
        Assert.Empty(inB.QuerySelectorAll(".notification"));
        Assert.DoesNotContain("Kept inside institution A.", inB.Body!.TextContent, StringComparison.Ordinal);
    }

    [GeneratedRegex("#proposal-([0-9a-f-]{36})")]
    private static partial Regex ProposalAnchor();
}
