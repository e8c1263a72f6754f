using System.Net;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Synthesis;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Synthesis;

// The cohort synthesis through the pages (without JavaScript) and live through the hub, with updates made by the same
// Yjs the browser runs.
public sealed class SynthesisTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private YjsRuntime Yjs => factory.Services.GetRequiredService<YjsRuntime>();

    private string SynthesisUrl(Cohort cohort) => factory.Url($"/cohorts/{cohort.Id}/modules/{factory.Module.Id}/synthesis");

    private async Task<Guid> SynthesisIdAsync(HttpClient client, Cohort cohort)
    {
        var page = await client.GetDocumentAsync(SynthesisUrl(cohort));
        return Guid.Parse(page.QuerySelector("#synthesis")!.GetAttribute("data-synthesis-id")!);
    }

    private Task<HttpResponseMessage> EditAsync(HttpClient client, Cohort cohort, string section, string text) =>
        client.SubmitAsync(SynthesisUrl(cohort), new Dictionary<string, string> { ["Input.Text"] = text }, $"#section-{section} form");

    private Task<CohortSynthesis> StoredAsync(Guid id) => factory.QueryAsync(db => db.CohortSyntheses.AsNoTracking().SingleAsync(s => s.Id == id));

    private static string TextOf(IHtmlDocument page, string section) => ((IHtmlTextAreaElement)page.QuerySelector($"#text-{section}")!).Value;

    // What a browser that joined would send: a change made to the document as the server handed it over.
    private string LiveEdit(SynthesisJoinResult joined, string section, Func<string, string> change, uint client)
    {
        var state = Convert.FromBase64String(joined.State!);
        var before = Yjs.Read(state).Texts[section];
        return Yjs.Edit(state, null, section, change(before), client, SynthesisRules.MaxLength).Update!;
    }

    [Fact]
    public async Task Two_members_editing_the_same_section_at_once_both_keep_their_text_and_see_each_other()
    {
        var cohort = await factory.CohortAsync("Live merging");
        var annaUser = await factory.LearnerAsync(cohort, "Anna Live");
        var bennoUser = await factory.LearnerAsync(cohort, "Benno Live");
        var anna = await factory.CreateClientAsAsync(annaUser);
        using var started = await EditAsync(anna, cohort, "agree", "Citizens know their services.");
        var id = await SynthesisIdAsync(anna, cohort);
        await using var annaLive = await LiveClient.ConnectAsync(factory, annaUser);
        await using var bennoLive = await LiveClient.ConnectAsync(factory, bennoUser);

        var annaJoined = await annaLive.Connection.InvokeAsync<SynthesisJoinResult>("JoinSynthesis", factory.A.Slug, id);
        var bennoJoined = await bennoLive.Connection.InvokeAsync<SynthesisJoinResult>("JoinSynthesis", factory.A.Slug, id);
        // Both change the same text from the same starting point, neither having seen the other's change.
        var annaUpdate = LiveEdit(annaJoined, "agree", text => "Anna: " + text, 1001);
        var bennoUpdate = LiveEdit(bennoJoined, "agree", text => text + " Benno agrees.", 2002);
        var sent = await Task.WhenAll(
            annaLive.Connection.InvokeAsync<SynthesisEditResult>("EditSynthesis", id, annaUpdate),
            bennoLive.Connection.InvokeAsync<SynthesisEditResult>("EditSynthesis", id, bennoUpdate));
        var bennoHeard = await bennoLive.NextAsync<SynthesisUpdateMessage>("SynthesisUpdated");
        var stored = await StoredAsync(id);

        Assert.True(annaJoined.Joined && annaJoined.CanEdit);
        Assert.All(sent, result => Assert.True(result.Accepted, result.Reason));
        Assert.Equal("Anna: Citizens know their services. Benno agrees.", Yjs.Read(stored.State).Texts["agree"]);
        Assert.Equal(id, bennoHeard.SynthesisId);
        // Benno's copy, with what he heard, is the server's.
        var bennoCopy = Yjs.Merge(Convert.FromBase64String(bennoJoined.State!), Convert.FromBase64String(bennoUpdate), SynthesisRules.MaxLength);
        var bennoMerged = Yjs.Merge(bennoCopy.StateBytes, Convert.FromBase64String(annaUpdate), SynthesisRules.MaxLength);
        Assert.Equal(Yjs.Read(stored.State).Texts["agree"], bennoMerged.Texts!["agree"]);
        Assert.Equal(3, await factory.QueryAsync(db => db.SynthesisEdits.CountAsync(e => e.SynthesisId == id)));
        Assert.Equal(["Anna Live", "Benno Live"], await factory.QueryAsync(db => db.SynthesisEdits.Where(e => e.SynthesisId == id)
            .Select(e => db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).First()).Distinct().OrderBy(n => n).ToListAsync()));
    }

    [Fact]
    public async Task A_form_edit_without_javascript_merges_with_a_live_edit_made_since_the_page_was_shown()
    {
        var cohort = await factory.CohortAsync("Form merging");
        var formUser = await factory.LearnerAsync(cohort, "Fiona Form");
        var liveUser = await factory.LearnerAsync(cohort, "Leo Live");
        var form = await factory.CreateClientAsAsync(formUser);
        using var first = await EditAsync(form, cohort, "questions", "Who pays?");
        var id = await SynthesisIdAsync(form, cohort);
        var page = await form.GetDocumentAsync(SynthesisUrl(cohort));
        await using var live = await LiveClient.ConnectAsync(factory, liveUser);
        var joined = await live.Connection.InvokeAsync<SynthesisJoinResult>("JoinSynthesis", factory.A.Slug, id);
        var sent = await live.Connection.InvokeAsync<SynthesisEditResult>("EditSynthesis", id, LiveEdit(joined, "questions", text => "Who decides? " + text, 3003));

        // The form still holds the text as it was shown, with Fiona's addition at the end.
        var sectionForm = (IHtmlFormElement)page.QuerySelector("#section-questions form")!;
        using var saved = await form.PostFormAsync(SynthesisUrl(cohort), sectionForm, new Dictionary<string, string> { ["Input.Text"] = "Who pays? Who benefits?" });
        var after = await form.GetDocumentAsync(SynthesisUrl(cohort));

        Assert.True(sent.Accepted, sent.Reason);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Who decides? Who pays? Who benefits?", TextOf(after, "questions"));
        Assert.Contains("Fiona Form", after.QuerySelector("#section-questions .synthesis-authors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Leo Live", after.QuerySelector("#section-questions .synthesis-authors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_synthesis_survives_a_restart_of_the_app()
    {
        var cohort = await factory.CohortAsync("Restarting");
        var user = await factory.LearnerAsync(cohort, "Rita Restart");
        using var saved = await EditAsync(await factory.CreateClientAsAsync(user), cohort, "try", "A citizen panel before every redesign.\nA shared budget line.");

        var restarted = new SecondInstance(factory.Database);
        await ((IAsyncLifetime)restarted).InitializeAsync();
        IHtmlDocument page;
        try
        {
            page = await (await restarted.CreateClientAsAsync(user)).GetDocumentAsync(SynthesisUrl(cohort));
        }
        finally
        {
            await ((IAsyncLifetime)restarted).DisposeAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("A citizen panel before every redesign.\nA shared budget line.", TextOf(page, "try"));
        Assert.Equal(2, page.QuerySelectorAll("#section-try .synthesis-paragraph").Length);
    }

    [Fact]
    public async Task Hostile_updates_are_refused_and_change_nothing()
    {
        var cohort = await factory.CohortAsync("Hostile");
        var user = await factory.LearnerAsync(cohort, "Hugo Hostile");
        var other = await factory.LearnerAsync(cohort, "Olli Owner");
        var client = await factory.CreateClientAsAsync(user);
        using var started = await EditAsync(client, cohort, "differ", "Start.");
        var id = await SynthesisIdAsync(client, cohort);
        await using var live = await LiveClient.ConnectAsync(factory, user);
        await using var owner = await LiveClient.ConnectAsync(factory, other);
        var joined = await live.Connection.InvokeAsync<SynthesisJoinResult>("JoinSynthesis", factory.A.Slug, id);
        await owner.Connection.InvokeAsync<SynthesisJoinResult>("JoinSynthesis", factory.A.Slug, id);
        var owned = await owner.Connection.InvokeAsync<SynthesisEditResult>("EditSynthesis", id, LiveEdit(joined, "differ", t => t + " Olli.", 4004));
        var before = await StoredAsync(id);

        var garbage = await live.Connection.InvokeAsync<SynthesisEditResult>("EditSynthesis", id, Convert.ToBase64String([0xff, 0xff, 0xff, 0x7f, 1, 2, 3, 4, 5]));
        var notBase64 = await live.Connection.InvokeAsync<SynthesisEditResult>("EditSynthesis", id, "<script>");
        var huge = Yjs.Edit(Convert.FromBase64String(joined.State!), null, "differ", new string('x', 17_000), 5005, 100_000).Update!;
        var oversized = await live.Connection.InvokeAsync<SynthesisEditResult>("EditSynthesis", id, huge);
        using var tooLong = await EditAsync(client, cohort, "differ", new string('y', SynthesisRules.MaxLength + 1));
        var impersonating = await live.Connection.InvokeAsync<SynthesisEditResult>("EditSynthesis", id, LiveEdit(joined, "differ", t => "Not Olli. " + t, 4004));
        var after = await StoredAsync(id);

        Assert.True(owned.Accepted, owned.Reason);
        Assert.Equal((false, "malformed"), (garbage.Accepted, garbage.Reason));
        Assert.Equal((false, "malformed"), (notBase64.Accepted, notBase64.Reason));
        Assert.Equal((false, "too-large"), (oversized.Accepted, oversized.Reason));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal((false, "foreign-client"), (impersonating.Accepted, impersonating.Reason));
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.State, after.State);
    }

    [Fact]
    public async Task Script_in_a_section_is_shown_as_text()
    {
        var cohort = await factory.CohortAsync("Script");
        var client = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Sara Script"));

        using var saved = await EditAsync(client, cohort, "agree", "<script>alert(1)</script><img src=x onerror=alert(2)>");
        var page = await client.GetDocumentAsync(SynthesisUrl(cohort));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Empty(page.QuerySelectorAll("#synthesis script, #synthesis img"));
        Assert.Contains("<script>alert(1)</script>", page.QuerySelector("#section-agree .synthesis-paragraph")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_cohorts_and_institutions_neither_read_nor_join_nor_edit()
    {
        var cohort = await factory.CohortAsync("Isolated");
        var other = await factory.CohortAsync("Isolated neighbour");
        var member = await factory.LearnerAsync(cohort, "Mia Member");
        var outsider = await factory.LearnerAsync(other, "Otto Outsider");
        var foreign = await factory.MemberAsync(factory.B, $"admin-{Guid.NewGuid():N}@b.test", InstitutionRole.Admin);
        var memberClient = await factory.CreateClientAsAsync(member);
        using var saved = await EditAsync(memberClient, cohort, "agree", "Only for us.");
        var id = await SynthesisIdAsync(memberClient, cohort);

        using var outsiderPage = await (await factory.CreateClientAsAsync(outsider)).GetAsync(SynthesisUrl(cohort));
        using var foreignPage = await (await factory.CreateClientAsAsync(foreign)).GetAsync(SynthesisUrl(cohort));
        using var foreignAtHome = await (await factory.CreateClientAsAsync(foreign)).GetAsync($"/{factory.B.Slug}/cohorts/{cohort.Id}/modules/{factory.Module.Id}/synthesis");
        await using var outsiderLive = await LiveClient.ConnectAsync(factory, outsider);
        await using var foreignLive = await LiveClient.ConnectAsync(factory, foreign);
        var outsiderJoin = await outsiderLive.Connection.InvokeAsync<SynthesisJoinResult>("JoinSynthesis", factory.A.Slug, id);
        var foreignJoin = await foreignLive.Connection.InvokeAsync<SynthesisJoinResult>("JoinSynthesis", factory.B.Slug, id);
        var outsiderEdit = await outsiderLive.Connection.InvokeAsync<SynthesisEditResult>("EditSynthesis", id, Yjs.Edit(null, null, "agree", "Intruder", 6006, 100).Update!);

        Assert.Equal(HttpStatusCode.Forbidden, outsiderPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignAtHome.StatusCode);
        Assert.False(outsiderJoin.Joined);
        Assert.Null(outsiderJoin.State);
        Assert.False(foreignJoin.Joined);
        Assert.Equal((false, "not-joined"), (outsiderEdit.Accepted, outsiderEdit.Reason));
        Assert.Equal("Only for us.", Yjs.Read((await StoredAsync(id)).State).Texts["agree"]);
    }

    [Fact]
    public async Task A_closed_synthesis_is_read_only_and_reaches_later_cohorts_after_their_own_reflection()
    {
        var cohort = await factory.CohortAsync("Closing");
        var learnerUser = await factory.LearnerAsync(cohort, "Lena Closing");
        var learner = await factory.CreateClientAsAsync(learnerUser);
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        using var saved = await EditAsync(learner, cohort, "agree", "Co-creation takes time.");
        var id = await SynthesisIdAsync(learner, cohort);
        await using var live = await LiveClient.ConnectAsync(factory, learnerUser);
        var joined = await live.Connection.InvokeAsync<SynthesisJoinResult>("JoinSynthesis", factory.A.Slug, id);
        var beforeClosing = (IHtmlFormElement)(await learner.GetDocumentAsync(SynthesisUrl(cohort))).QuerySelector("#section-agree form")!;

        using var unconfirmed = await instructor.SubmitAsync(SynthesisUrl(cohort), new Dictionary<string, string> { ["Input.Share"] = "true" }, ".synthesis-close");
        using var byLearner = await learner.PostFormAsync(SynthesisUrl(cohort), (IHtmlFormElement)(await learner.GetDocumentAsync(SynthesisUrl(cohort))).QuerySelector("#section-agree form")!,
            new Dictionary<string, string> { ["Input.Confirm"] = "true" }, action: SynthesisUrl(cohort) + "?handler=Close");
        using var closed = await instructor.SubmitAsync(SynthesisUrl(cohort), new Dictionary<string, string> { ["Input.Share"] = "true", ["Input.Confirm"] = "true" }, ".synthesis-close");
        var readOnly = await learner.GetDocumentAsync(SynthesisUrl(cohort));
        using var lateForm = await learner.PostFormAsync(SynthesisUrl(cohort), beforeClosing, new Dictionary<string, string> { ["Input.Text"] = "Changed after closing." });
        var lateLive = await live.Connection.InvokeAsync<SynthesisEditResult>("EditSynthesis", id, LiveEdit(joined, "agree", t => t + " Late.", 7007));

        var later = await factory.CohortAsync("Later cohort");
        var newcomer = await factory.CreateClientAsAsync(await factory.LearnerAsync(later, "Nils Newcomer"));
        var heldBack = await newcomer.GetDocumentAsync(SynthesisUrl(later));
        await factory.WriteReflectionAsync(newcomer, later, "My own reflection on co-creation comes first.");
        var shown = await newcomer.GetDocumentAsync(SynthesisUrl(later));

        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byLearner.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Null(readOnly.QuerySelector("#synthesis textarea"));
        Assert.NotNull(readOnly.QuerySelector(".synthesis-closed"));
        Assert.Equal(HttpStatusCode.Conflict, lateForm.StatusCode);
        Assert.Equal((false, "closed"), (lateLive.Accepted, lateLive.Reason));
        Assert.Equal("Co-creation takes time.", Yjs.Read((await StoredAsync(id)).State).Texts["agree"]);
        Assert.DoesNotContain("Co-creation takes time.", heldBack.QuerySelector("#synthesis-earlier")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Co-creation takes time.", shown.QuerySelector("#synthesis-earlier")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_quotes_a_post_they_may_read_but_not_one_of_another_cohort()
    {
        var cohort = await factory.OpenCohortAsync("Quoting");
        var other = await factory.OpenCohortAsync("Quoting neighbour");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Quentin Quoted"));
        var quoter = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Queenie Quoter"));
        var stranger = await factory.CreateClientAsAsync(await factory.LearnerAsync(other, "Stan Stranger"));
        var postId = await factory.WriteReflectionAsync(author, cohort, "Trust grows when the service listens twice.");
        var foreignPost = await factory.WriteReflectionAsync(stranger, other, "This belongs to another cohort.");
        var link = factory.ThreadUrl(cohort, postId) + $"#post-{postId}";

        using var quoted = await quoter.SubmitAsync(SynthesisUrl(cohort), new Dictionary<string, string> { ["Input.Post"] = link, ["Input.Section"] = "differ" }, "#synthesis-quote");
        using var refused = await quoter.SubmitAsync(SynthesisUrl(cohort), new Dictionary<string, string> { ["Input.Post"] = foreignPost.ToString(), ["Input.Section"] = "differ" }, "#synthesis-quote");
        var page = await quoter.GetDocumentAsync(SynthesisUrl(cohort));

        Assert.Equal(HttpStatusCode.Redirect, quoted.StatusCode);
        Assert.Contains("“Trust grows when the service listens twice.” (Quentin Quoted, ", TextOf(page, "differ"), StringComparison.Ordinal);
        Assert.EndsWith($"/reflections/{postId}#post-{postId}", page.QuerySelector("#section-differ .synthesis-paragraph a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("No post you can read was found at that link.", (await refused.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("another cohort", TextOf(page, "differ"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hiding_and_restoring_are_audited_and_hide_the_synthesis_from_learners()
    {
        var cohort = await factory.CohortAsync("Hiding");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Hilde Hidden"));
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        using var saved = await EditAsync(learner, cohort, "agree", "Something to hide.");
        var id = await SynthesisIdAsync(learner, cohort);

        using var hidden = await instructor.SubmitAsync(SynthesisUrl(cohort), new Dictionary<string, string> { ["Input.Reason"] = "Personal data." }, ".synthesis-hide");
        var learnerPage = await learner.GetDocumentAsync(SynthesisUrl(cohort));
        using var restored = await instructor.SubmitAsync(SynthesisUrl(cohort), new Dictionary<string, string> { ["Input.Reason"] = "Removed it." }, ".synthesis-hide");
        var actions = await factory.QueryAsync(db => db.ModerationActions.Where(a => a.PostId == id).OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => a.Kind).ToListAsync());

        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        Assert.Null(learnerPage.QuerySelector("#synthesis"));
        Assert.NotNull(learnerPage.QuerySelector(".synthesis-hidden"));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal([ModerationActionKind.Hide, ModerationActionKind.Restore], actions);
        Assert.False((await StoredAsync(id)).IsHidden);
    }

    [Fact]
    public async Task Who_edits_which_section_reaches_the_others_and_leaves_with_the_connection()
    {
        var cohort = await factory.CohortAsync("Presence");
        var editorUser = await factory.LearnerAsync(cohort, "Paula Present");
        var watcherUser = await factory.LearnerAsync(cohort, "Wim Watcher");
        var id = await SynthesisIdAsync(await factory.CreateClientAsAsync(editorUser), cohort);
        await using var watcher = await LiveClient.ConnectAsync(factory, watcherUser);
        await watcher.Connection.InvokeAsync<SynthesisJoinResult>("JoinSynthesis", factory.A.Slug, id);
        var editor = await LiveClient.ConnectAsync(factory, editorUser);
        await editor.Connection.InvokeAsync<SynthesisJoinResult>("JoinSynthesis", factory.A.Slug, id);

        await editor.Connection.InvokeAsync("SynthesisPresence", id, "differ");
        var editing = await watcher.NextAsync<SynthesisPresenceMessage>("SynthesisPresenceChanged");
        await editor.DisposeAsync();
        var left = await watcher.NextAsync<SynthesisPresenceMessage>("SynthesisPresenceChanged");

        Assert.Equal([new SynthesisEditor("Paula Present", "differ")], editing.Editors);
        Assert.Empty(left.Editors);
    }

    private sealed class SecondInstance(string database) : PlatformFactory(database);
}
