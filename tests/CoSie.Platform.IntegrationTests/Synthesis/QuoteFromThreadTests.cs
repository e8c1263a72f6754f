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

// "Quote in the synthesis" on a thread's posts: a link to the synthesis page's quote form with the post filled in, so
// the quote goes through the synthesis's own quote rule.
public sealed class QuoteFromThreadTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private YjsRuntime Yjs => factory.Services.GetRequiredService<YjsRuntime>();

    private string SynthesisUrl(Cohort cohort) => factory.Url($"/cohorts/{cohort.Id}/modules/{factory.Module.Id}/synthesis");

    private Task<CohortSynthesis?> StoredAsync(Cohort cohort) =>
        factory.QueryAsync(db => db.CohortSyntheses.AsNoTracking().SingleOrDefaultAsync(s => s.CohortId == cohort.Id && s.ModuleId == factory.Module.Id));

    private static string? QuoteLink(IHtmlDocument page, Guid postId) =>
        page.QuerySelector($"#post-{postId} .post-actions a.quote-link")?.GetAttribute("href");

    // Follows a post's link to the synthesis page and returns its quote form, with the post already filled in.
    private async Task<(string Url, IHtmlFormElement Form)> QuoteFormAsync(HttpClient client, Cohort cohort, Guid postId)
    {
        var link = QuoteLink(await client.GetDocumentAsync(factory.ThreadUrl(cohort, postId)), postId);
        Assert.NotNull(link);
        var url = link.Split('#')[0];
        var form = (IHtmlFormElement)(await client.GetDocumentAsync(url)).QuerySelector("#synthesis-quote")!;
        Assert.Equal(postId.ToString(), ((IHtmlInputElement)form.QuerySelector("input[name='Input.Post']")!).Value);
        return (url, form);
    }

    // What a hand-made form would send: the person's own request token (from a page of theirs), the post and a section.
    private async Task<HttpResponseMessage> QuoteAsync(HttpClient client, Cohort cohort, string tokenPage, Guid postId)
    {
        var token = (await client.GetDocumentAsync(tokenPage)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Post"] = postId.ToString(),
            ["Input.Section"] = "agree",
        });
        return await client.PostAsync(SynthesisUrl(cohort) + "?handler=Quote", body);
    }

    [Fact]
    public async Task A_member_quotes_a_post_from_its_thread_into_a_chosen_section_and_editors_see_it_live()
    {
        var cohort = await factory.OpenCohortAsync("Thread quoting");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Tove Quoted"));
        var quoterUser = await factory.LearnerAsync(cohort, "Quinn Quoter");
        var quoter = await factory.CreateClientAsAsync(quoterUser);
        var watcherUser = await factory.LearnerAsync(cohort, "Wanda Watching");
        var body = "Listening twice " + new string('x', 600) + " TAIL-NOT-QUOTED";
        var postId = await factory.WriteReflectionAsync(author, cohort, body);
        var synthesisId = Guid.Parse((await quoter.GetDocumentAsync(SynthesisUrl(cohort))).QuerySelector("#synthesis")!.GetAttribute("data-synthesis-id")!);
        await using var watcher = await LiveClient.ConnectAsync(factory, watcherUser);
        await watcher.Connection.InvokeAsync<SynthesisJoinResult>("JoinSynthesis", factory.A.Slug, synthesisId);

        var (formUrl, form) = await QuoteFormAsync(quoter, cohort, postId);
        Assert.Equal("agree", ((IHtmlSelectElement)form.QuerySelector("select")!).Value);
        using var quoted = await quoter.PostFormAsync(formUrl, form, new Dictionary<string, string> { ["Input.Section"] = "questions" });
        var heard = await watcher.NextAsync<SynthesisUpdateMessage>("SynthesisUpdated");
        var page = await quoter.GetDocumentAsync(quoted.Headers.Location!.ToString());
        var stored = await StoredAsync(cohort);

        Assert.Equal(HttpStatusCode.Redirect, quoted.StatusCode);
        Assert.EndsWith($"/cohorts/{cohort.Id}/modules/{factory.Module.Id}/synthesis", quoted.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("The post is quoted in the synthesis.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(synthesisId, heard.SynthesisId);
        var text = Yjs.Read(stored!.State).Texts["questions"];
        Assert.StartsWith("“Listening twice ", text, StringComparison.Ordinal);
        Assert.Contains("(Quinn Quoter", await factory.QueryAsync(db => db.SynthesisEdits.Where(e => e.SynthesisId == synthesisId && e.Kind == SynthesisEditKind.Quote)
            .Select(e => "(" + db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).First()).SingleAsync()), StringComparison.Ordinal);
        Assert.Contains($"(Tove Quoted, ", text, StringComparison.Ordinal);
        Assert.Contains($"/reflections/{postId}#post-{postId})", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TAIL-NOT-QUOTED", text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, Yjs.Read(stored.State).Texts["agree"]);
    }

    [Fact]
    public async Task No_quote_form_and_a_refusal_when_the_synthesis_is_closed_the_post_hidden_or_unreadable_by_post_first()
    {
        var cohort = await factory.CohortAsync("Thread quoting refused");
        var authorUser = await factory.LearnerAsync(cohort, "Rhea Reflecting");
        var author = await factory.CreateClientAsAsync(authorUser);
        var newcomer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Nico Notyet"));
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var postId = await factory.WriteReflectionAsync(author, cohort, "A reflection behind the post-first gate.");
        var hiddenId = await factory.WriteReflectionAsync(author, cohort, "HIDDEN-POST-TEXT", prompt: 1);
        await factory.QueryAsync(db => db.Reflections.Where(r => r.Id == hiddenId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, PostStatus.HiddenByModerator)));
        var (formUrl, form) = await QuoteFormAsync(author, cohort, postId);

        // Post-first: the newcomer has not reflected and cannot quote the peer's reflection.
        using var heldBack = await QuoteAsync(newcomer, cohort, SynthesisUrl(cohort), postId);
        using var hidden = await author.PostFormAsync(formUrl, form, new Dictionary<string, string> { ["Input.Post"] = hiddenId.ToString() });
        using var closed = await instructor.SubmitAsync(SynthesisUrl(cohort), new Dictionary<string, string> { ["Input.Confirm"] = "true" }, ".synthesis-close");
        var afterClosing = await author.GetDocumentAsync(factory.ThreadUrl(cohort, postId));
        using var late = await author.PostFormAsync(formUrl, form, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, heldBack.StatusCode);
        Assert.Contains("No post you can read was found at that link.", (await heldBack.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Null(QuoteLink(afterClosing, postId));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("The synthesis is closed: it can no longer be changed.", (await late.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        var stored = await StoredAsync(cohort);
        Assert.All(Yjs.Read(stored!.State).Texts.Values, text => Assert.Equal(string.Empty, text));
    }

    [Fact]
    public async Task Observers_and_people_outside_the_cohort_get_no_form_and_cannot_quote()
    {
        var cohort = await factory.OpenCohortAsync("Thread quoting outsiders");
        var other = await factory.OpenCohortAsync("Thread quoting elsewhere");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Olga Original"));
        var outsider = await factory.CreateClientAsAsync(await factory.LearnerAsync(other, "Otto Outside"));
        var observerUser = await factory.LearnerAsync(cohort, "Obi Observer");
        await factory.QueryAsync(db => db.CohortMembers.Where(m => m.CohortId == cohort.Id && m.UserId == observerUser.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, CohortRole.Observer)));
        var observer = await factory.CreateClientAsAsync(observerUser);
        var postId = await factory.WriteReflectionAsync(author, cohort, "Only members quote me.");
        var link = QuoteLink(await author.GetDocumentAsync(factory.ThreadUrl(cohort, postId)), postId);

        var observed = await observer.GetDocumentAsync(factory.ThreadUrl(cohort, postId));
        using var byObserver = await QuoteAsync(observer, cohort, factory.ThreadUrl(cohort, postId), postId);
        using var byOutsider = await QuoteAsync(outsider, cohort, factory.Url($"/cohorts/{other.Id}/modules/{factory.Module.Id}/synthesis"), postId);
        Assert.NotNull(link);

        Assert.Null(QuoteLink(observed, postId));
        Assert.Equal(HttpStatusCode.Forbidden, byObserver.StatusCode);
        Assert.True(byOutsider.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{byOutsider.StatusCode}");
        Assert.Null(await StoredAsync(cohort) is { } stored ? Yjs.Read(stored.State).Texts.Values.FirstOrDefault(t => t.Length > 0) : null);
    }
}
