using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Proposals;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Proposals;

// Learner-proposed prompts, through the pages as people use them without JavaScript, and live through the hub.
public sealed partial class ProposalTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private string ProposalsUrl(Cohort cohort) => factory.Url($"/cohorts/{cohort.Id}/modules/{factory.Module.Id}/proposals");

    private async Task<Guid> ProposeAsync(HttpClient client, Cohort cohort, string text, string why = "Because it matters to our services.")
    {
        using var response = await client.SubmitAsync(ProposalsUrl(cohort), new Dictionary<string, string> { ["Input.Text"] = text, ["Input.Why"] = why }, "#proposal-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(ProposalAnchor().Match(response.Headers.Location!.ToString()).Groups[1].Value);
    }

    private Task<HttpResponseMessage> ActAsync(HttpClient client, Cohort cohort, Guid proposalId, string handler, Dictionary<string, string>? values = null) =>
        client.SubmitAsync(ProposalsUrl(cohort), values ?? [], $"#proposal-{proposalId} form[action$='handler={handler}']");

    private Task<PromptProposal> ProposalAsync(Guid id) =>
        factory.QueryAsync(db => db.PromptProposals.AsNoTracking().SingleAsync(p => p.Id == id));

    private static string TextOf(IHtmlDocument page, Guid proposalId) => page.QuerySelector($"#proposal-{proposalId}")?.TextContent ?? string.Empty;

    [Fact]
    public async Task A_member_proposes_and_the_cohort_sees_it_with_its_reason()
    {
        var cohort = await factory.CohortAsync("Proposing");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Paula Proposer"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pete Peer"));

        var empty = await peer.GetDocumentAsync(ProposalsUrl(cohort));
        var id = await ProposeAsync(author, cohort, "How did citizens change the service you run?", "We never asked about our own services.");
        var page = await peer.GetDocumentAsync(ProposalsUrl(cohort));

        Assert.NotNull(empty.QuerySelector(".empty-state"));
        Assert.Contains("How did citizens change the service you run?", TextOf(page, id), StringComparison.Ordinal);
        Assert.Contains("We never asked about our own services.", TextOf(page, id), StringComparison.Ordinal);
        Assert.Contains("Paula Proposer", TextOf(page, id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_short_or_unexplained_proposals_are_refused_with_a_message_and_nothing_is_saved()
    {
        var cohort = await factory.CohortAsync("Refusing");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Sam Short"));

        using var tooShort = await author.SubmitAsync(ProposalsUrl(cohort), new Dictionary<string, string> { ["Input.Text"] = "Why?", ["Input.Why"] = "Curious." }, "#proposal-form");
        using var noWhy = await author.SubmitAsync(ProposalsUrl(cohort), new Dictionary<string, string> { ["Input.Text"] = "A perfectly long question here?", ["Input.Why"] = "  " }, "#proposal-form");

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("at least 10 characters", (await tooShort.ParseAsync()).QuerySelector("#proposal-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noWhy.StatusCode);
        Assert.Contains("why the cohort should reflect", (await noWhy.ParseAsync()).QuerySelector("#proposal-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.PromptProposals.CountAsync(p => p.CohortId == cohort.Id)));
    }

    [Fact]
    public async Task A_member_supports_once_takes_it_back_and_cannot_support_their_own()
    {
        var cohort = await factory.CohortAsync("Supporting");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Ada Author"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Sue Supporter"));
        var id = await ProposeAsync(author, cohort, "What did the pilot teach your managers?");

        using var first = await ActAsync(peer, cohort, id, "Support");
        var supported = await ProposalAsync(id);
        var page = await peer.GetDocumentAsync(ProposalsUrl(cohort));
        using var again = await ActAsync(peer, cohort, id, "Support");
        var withdrawn = await ProposalAsync(id);
        // The author has no support button; a forged post is refused with a message.
        var authorPage = await author.GetDocumentAsync(ProposalsUrl(cohort));
        var commentForm = (IHtmlFormElement)authorPage.QuerySelector($"#proposal-{id} .comment-form")!;
        using var own = await author.PostFormAsync(ProposalsUrl(cohort), commentForm, new Dictionary<string, string>(), action: ProposalsUrl(cohort) + "?handler=Support");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(1, supported.SupportCount);
        Assert.Equal("true", page.QuerySelector($"#proposal-{id} button[aria-pressed]")!.GetAttribute("aria-pressed"));
        Assert.Equal(0, withdrawn.SupportCount);
        Assert.Null(authorPage.QuerySelector($"#proposal-{id} form[action$='handler=Support']"));
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Contains("You cannot support your own proposal.", (await own.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.ProposalSupports.CountAsync(s => s.ProposalId == id)));
    }

    [Fact]
    public async Task Members_comment_under_a_proposal_and_an_empty_comment_is_refused()
    {
        var cohort = await factory.CohortAsync("Commenting");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Carl Comment"));
        var id = await ProposeAsync(author, cohort, "Which partner surprised you most?");

        using var posted = await ActAsync(author, cohort, id, "Comment", new() { ["Input.Comment"] = "Partners in the NGO sector, for me." });
        using var empty = await ActAsync(author, cohort, id, "Comment", new() { ["Input.Comment"] = "   " });
        var page = await author.GetDocumentAsync(ProposalsUrl(cohort));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("Partners in the NGO sector, for me.", page.QuerySelector($"#proposal-{id} .proposal-comment-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Write a comment first.", (await empty.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.ProposalComments.CountAsync(c => c.ProposalId == id)));
    }

    [Fact]
    public async Task An_adopted_proposal_is_a_prompt_of_that_cohort_only_with_post_first_and_credit()
    {
        var cohort = await factory.CohortAsync("Adopting");
        var other = await factory.CohortAsync("Same module, other cohort");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Ulla Author"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pekka Peer"));
        var outsider = await factory.CreateClientAsAsync(await factory.LearnerAsync(other, "Olga Other"));
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var id = await ProposeAsync(author, cohort, "How do you co-create with people who do not trust you?");

        using var adopted = await ActAsync(instructor, cohort, id, "Adopt", new() { ["Input.AdoptedText"] = "How do you co-create with people who distrust public services?" });
        var prompt = await factory.QueryAsync(db => db.ReflectionPrompts.AsNoTracking().SingleAsync(p => p.Id == db.PromptProposals.Where(x => x.Id == id).Select(x => x.PromptId).Single()));
        var promptUrl = factory.Url($"/cohorts/{cohort.Id}/prompts/{prompt.Id}");
        using var authorReflection = await author.SubmitAsync(promptUrl, new Dictionary<string, string> { ["Input.Body"] = "Trust takes meetings on their ground." }, "#reflection-form");
        var peerPage = await peer.GetDocumentAsync(promptUrl);
        var modulePage = await author.GetDocumentAsync(factory.Url($"/courses/{factory.Course.Slug}/{factory.Module.Slug}"));
        using var otherPrompt = await outsider.GetAsync(factory.Url($"/cohorts/{other.Id}/prompts/{prompt.Id}"));
        using var crossed = await outsider.GetAsync(promptUrl);
        using var otherModule = await outsider.GetAsync(factory.Url($"/courses/{factory.Course.Slug}/{factory.Module.Slug}"));
        var otherProgress = await instructor.GetDocumentAsync(factory.Url($"/cohorts/{other.Id}/progress"));
        var ownProgress = await instructor.GetDocumentAsync(factory.Url($"/cohorts/{cohort.Id}/progress"));

        Assert.Equal(HttpStatusCode.Redirect, adopted.StatusCode);
        Assert.Equal(cohort.Id, prompt.CohortId);
        Assert.Equal("How do you co-create with people who distrust public services?", prompt.Text);
        Assert.Equal(HttpStatusCode.Redirect, authorReflection.StatusCode);
        Assert.Contains("Proposed by Ulla Author", peerPage.QuerySelector(".proposed-by")!.TextContent, StringComparison.Ordinal);
        // Post-first holds on the adopted prompt as on any: the peer has not written, so sees no reflection.
        Assert.Empty(peerPage.QuerySelectorAll(".reflection-summary"));
        Assert.DoesNotContain("Trust takes meetings", peerPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("distrust public services", modulePage.QuerySelector("[aria-labelledby=cohort-prompts-heading]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherPrompt.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossed.StatusCode);
        Assert.DoesNotContain("distrust public services", await otherModule.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The progress table names prompts by number, with their text in a title.
        Assert.Null(otherProgress.QuerySelector($"a[href$='/prompts/{prompt.Id}']"));
        Assert.NotNull(ownProgress.QuerySelector($"a[href$='/prompts/{prompt.Id}']"));
    }

    [Fact]
    public async Task A_declined_proposal_shows_its_reason_to_its_author_only()
    {
        var cohort = await factory.CohortAsync("Declining");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Dora Declined"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pia Peer"));
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var id = await ProposeAsync(author, cohort, "What is your favourite colour of form?");

        using var noReason = await ActAsync(instructor, cohort, id, "Decline", new() { ["Input.Reason"] = "" });
        using var declined = await ActAsync(instructor, cohort, id, "Decline", new() { ["Input.Reason"] = "Module 3 asks this already." });
        var authorPage = await author.GetDocumentAsync(ProposalsUrl(cohort));
        var peerPage = await peer.GetDocumentAsync(ProposalsUrl(cohort));

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Contains("Module 3 asks this already.", authorPage.QuerySelector($"#proposal-{id} .decline-reason")!.TextContent, StringComparison.Ordinal);
        Assert.Null(peerPage.QuerySelector($"#proposal-{id} .decline-reason"));
        Assert.NotNull(peerPage.QuerySelector($"#proposal-{id} .proposal-declined"));
        Assert.Equal(ProposalStatus.Declined, (await ProposalAsync(id)).Status);
    }

    [Fact]
    public async Task The_personal_data_download_holds_my_proposals_supports_and_comments_and_nobody_elses()
    {
        var cohort = await factory.CohortAsync("Data of proposals");
        var mia = await factory.LearnerAsync(cohort, "Mia Mine");
        var mine = await factory.CreateBrowserLikeClientAsAsync(mia);
        var other = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Ole Other"));
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var declinedId = await ProposeAsync(mine, cohort, "What would you stop doing tomorrow?", "Stopping is harder than starting.");
        var theirs = await ProposeAsync(other, cohort, "Who was missing from your workshop?");
        using var declined = await ActAsync(instructor, cohort, declinedId, "Decline", new() { ["Input.Reason"] = "Too close to prompt 2." });
        using var supported = await ActAsync(mine, cohort, theirs, "Support");
        using var commented = await ActAsync(mine, cohort, theirs, "Comment", new() { ["Input.Comment"] = "The tenants were, in mine." });
        using var othersComment = await ActAsync(other, cohort, theirs, "Comment", new() { ["Input.Comment"] = "Ole's own remark." });

        using var response = await mine.SubmitAsync(factory.Url("/Account/Manage/Data"), new Dictionary<string, string>());

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var proposal = Assert.Single(json.RootElement.GetProperty("proposals").EnumerateArray());
        Assert.Equal(("What would you stop doing tomorrow?", "Stopping is harder than starting.", "Declined", "Too close to prompt 2."),
            (proposal.GetProperty("text").GetString(), proposal.GetProperty("why").GetString(), proposal.GetProperty("status").GetString(), proposal.GetProperty("declineReason").GetString()));
        Assert.Equal(theirs, Assert.Single(json.RootElement.GetProperty("proposalSupports").EnumerateArray()).GetProperty("proposalId").GetGuid());
        var comment = Assert.Single(json.RootElement.GetProperty("proposalComments").EnumerateArray());
        Assert.Equal(("The tenants were, in mine.", theirs), (comment.GetProperty("text").GetString(), comment.GetProperty("proposalId").GetGuid()));
        Assert.DoesNotContain("Who was missing", json.RootElement.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Ole's own remark.", json.RootElement.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prompt_offered_to_the_module_is_asked_in_a_new_cohort()
    {
        var cohort = await factory.CohortAsync("Offering");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Otto Offer"));
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var id = await ProposeAsync(author, cohort, "What would a citizen jury change in your agency?");
        using var adopted = await ActAsync(instructor, cohort, id, "Adopt");
        var promptId = (await ProposalAsync(id)).PromptId!.Value;

        using var offered = await ActAsync(instructor, cohort, id, "Offer");
        var later = await factory.CohortAsync("A later cohort");
        var newcomer = await factory.CreateClientAsAsync(await factory.LearnerAsync(later, "Nina Newcomer"));
        using var page = await newcomer.GetAsync(factory.Url($"/cohorts/{later.Id}/prompts/{promptId}"));

        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(await factory.QueryAsync(db => db.ReflectionPrompts.Where(p => p.Id == promptId).Select(p => p.CohortId).SingleAsync()));
    }

    [Fact]
    public async Task A_learner_cannot_adopt_decline_or_hide()
    {
        var cohort = await factory.CohortAsync("Learner tries");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Lars Learner"));
        var id = await ProposeAsync(author, cohort, "May I adopt my own proposal, please?");
        var page = await author.GetDocumentAsync(ProposalsUrl(cohort));
        var form = (IHtmlFormElement)page.QuerySelector($"#proposal-{id} .comment-form")!;

        using var adopt = await author.PostFormAsync(ProposalsUrl(cohort), form, new Dictionary<string, string>(), action: ProposalsUrl(cohort) + "?handler=Adopt");
        using var hide = await author.PostFormAsync(ProposalsUrl(cohort), form, new Dictionary<string, string>(), action: ProposalsUrl(cohort) + "?handler=Hide");

        Assert.Null(page.QuerySelector($"#proposal-{id} .proposal-moderation"));
        Assert.Equal(HttpStatusCode.Forbidden, adopt.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, hide.StatusCode);
        Assert.Equal(ProposalStatus.Pending, (await ProposalAsync(id)).Status);
    }

    [Fact]
    public async Task Another_institution_cannot_see_a_cohorts_proposals()
    {
        var cohort = await factory.CohortAsync("Isolated");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Iris Isolated"));
        await ProposeAsync(author, cohort, "What stays inside our institution?");
        var admin = await factory.CreateClientAsAsync(await factory.MemberAsync(factory.B, $"admin-{Guid.NewGuid():N}@b.test", InstitutionRole.Admin));

        using var inA = await admin.GetAsync(ProposalsUrl(cohort));
        using var viaB = await admin.GetAsync($"/{factory.B.Slug}/cohorts/{cohort.Id}/modules/{factory.Module.Id}/proposals");

        Assert.Equal(HttpStatusCode.NotFound, inA.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaB.StatusCode);
        Assert.DoesNotContain("What stays inside", await viaB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hidden_proposal_is_gone_for_learners_and_the_hiding_is_in_the_moderation_log()
    {
        var cohort = await factory.CohortAsync("Hiding");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Hugo Hidden"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pauli Peer"));
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var id = await ProposeAsync(author, cohort, "Something nobody should have to read?");

        using var hidden = await ActAsync(instructor, cohort, id, "Hide", new() { ["Input.Reason"] = "Off topic." });
        var peerPage = await peer.GetDocumentAsync(ProposalsUrl(cohort));
        var instructorPage = await instructor.GetDocumentAsync(ProposalsUrl(cohort));
        var form = (IHtmlFormElement)peerPage.QuerySelector("#proposal-form")!;
        using var support = await peer.PostFormAsync(ProposalsUrl(cohort), form, new Dictionary<string, string> { ["proposalId"] = id.ToString() }, action: ProposalsUrl(cohort) + "?handler=Support");
        using var restored = await ActAsync(instructor, cohort, id, "Restore");
        var log = await factory.QueryAsync(db => db.ModerationActions.AsNoTracking().Where(a => a.PostId == id).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync());

        Assert.Null(peerPage.QuerySelector($"#proposal-{id}"));
        Assert.NotNull(instructorPage.QuerySelector($"#proposal-{id}"));
        Assert.Equal(HttpStatusCode.NotFound, support.StatusCode);
        Assert.Equal([ModerationActionKind.Hide, ModerationActionKind.Restore], log.Select(a => a.Kind));
        Assert.Equal("Off topic.", log[0].Reason);
        Assert.NotNull((await peer.GetDocumentAsync(ProposalsUrl(cohort))).QuerySelector($"#proposal-{id}"));
    }

    [Fact]
    public async Task Script_in_a_proposal_or_comment_is_shown_as_text()
    {
        var cohort = await factory.CohortAsync("Hostile");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Mallory"));
        var id = await ProposeAsync(author, cohort, "<script>alert('p')</script> what now?", "<img src=x onerror=alert(1)>");
        using var comment = await ActAsync(author, cohort, id, "Comment", new() { ["Input.Comment"] = "<script>alert('c')</script>" });

        using var response = await author.GetAsync(ProposalsUrl(cohort));
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_member_watching_the_page_hears_of_a_new_proposal_a_support_and_a_comment()
    {
        var cohort = await factory.CohortAsync("Live");
        var authorUser = await factory.LearnerAsync(cohort, "Liv Live");
        var watcherUser = await factory.LearnerAsync(cohort, "Walt Watcher");
        var author = await factory.CreateClientAsAsync(authorUser);
        var watcherClient = await factory.CreateClientAsAsync(watcherUser);
        await using var watcher = await LiveClient.ConnectAsync(factory, watcherUser);
        var watching = await watcher.Connection.InvokeAsync<bool>("WatchProposals", factory.A.Slug, cohort.Id, factory.Module.Id);

        var id = await ProposeAsync(author, cohort, "Who heard about it live first?");
        var proposed = await watcher.NextAsync<ProposalChangeMessage>("ProposalsChanged");
        using var support = await ActAsync(watcherClient, cohort, id, "Support");
        var supported = await watcher.NextAsync<ProposalChangeMessage>("ProposalsChanged");
        using var comment = await ActAsync(author, cohort, id, "Comment", new() { ["Input.Comment"] = "Live and well." });
        var commented = await watcher.NextAsync<ProposalChangeMessage>("ProposalsChanged");

        Assert.True(watching);
        Assert.Equal((id, ProposalChange.Proposed), (proposed.ProposalId, proposed.Change));
        Assert.Equal((id, ProposalChange.Supported), (supported.ProposalId, supported.Change));
        Assert.Equal((id, ProposalChange.Commented), (commented.ProposalId, commented.Change));
    }

    [Fact]
    public async Task A_member_of_another_cohort_is_not_admitted_to_the_live_group()
    {
        var cohort = await factory.CohortAsync("Live closed");
        var other = await factory.CohortAsync("Live outsider cohort");
        var outsider = await factory.LearnerAsync(other, "Otto Outsider");
        await using var live = await LiveClient.ConnectAsync(factory, outsider);

        var watching = await live.Connection.InvokeAsync<bool>("WatchProposals", factory.A.Slug, cohort.Id, factory.Module.Id);

        Assert.False(watching);
    }

    [GeneratedRegex("#proposal-([0-9a-f-]{36})")]
    private static partial Regex ProposalAnchor();
}
