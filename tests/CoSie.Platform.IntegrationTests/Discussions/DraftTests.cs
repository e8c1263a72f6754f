using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Discussions;

// Drafts: what a person writes is kept on the server until they post it (with "Save draft", or the editor's autosave),
// comes back when they return, is theirs alone, and goes once posted. "Preview" shows the text as it will be posted.
public sealed class DraftTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private const string ReflectionForm = "#reflection-form";
    private const string ReplyForm = "#reply-form";

    private Task<int> DraftsOfAsync(Guid userId) => factory.QueryAsync(db => db.Drafts.CountAsync(d => d.UserId == userId));

    // The editor's autosave: the form's fields, marked so that the answer is a status alone.
    private static async Task<HttpResponseMessage> AutosaveAsync(HttpClient client, string pageUrl, string formSelector, string body)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var area = page.QuerySelector($"{formSelector} textarea[data-draft-url]")!;
        var token = page.QuerySelector($"{formSelector} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, area.GetAttribute("data-draft-url"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Body"] = body, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("X-Draft-Autosave", "1");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_saved_draft_comes_back_when_the_learner_returns_to_the_prompt()
    {
        var cohort = await factory.OpenCohortAsync("Draft returns");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Dora Draft"));

        using var saved = await learner.PressAsync(factory.PromptUrl(cohort), ReflectionForm, "Save draft",
            new Dictionary<string, string> { ["Input.Body"] = "Half a thought about trust" });
        var page = await learner.GetDocumentAsync(factory.PromptUrl(cohort));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("#reflection-form", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("Half a thought about trust", page.QuerySelector("#reflection-body")!.TextContent);
        Assert.NotNull(page.QuerySelector(".draft-restored"));
    }

    [Fact]
    public async Task Posting_the_reflection_removes_its_draft()
    {
        var cohort = await factory.OpenCohortAsync("Draft posted");
        var user = await factory.LearnerAsync(cohort, "Pauli Posted");
        var learner = await factory.CreateClientAsAsync(user);
        using (await AutosaveAsync(learner, factory.PromptUrl(cohort), ReflectionForm, "Nearly there"))
        {
        }
        Assert.Equal(1, await DraftsOfAsync(user.Id));

        await factory.WriteReflectionAsync(learner, cohort, "There.");

        Assert.Equal(0, await DraftsOfAsync(user.Id));
    }

    [Fact]
    public async Task A_draft_is_its_authors_alone()
    {
        var cohort = await factory.OpenCohortAsync("Draft private");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Aada Author"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Peppi Peer"));
        using (await AutosaveAsync(author, factory.PromptUrl(cohort), ReflectionForm, "My private half-thought"))
        {
        }

        var page = await peer.GetDocumentAsync(factory.PromptUrl(cohort));

        Assert.Equal(string.Empty, page.QuerySelector("#reflection-body")!.TextContent);
        Assert.DoesNotContain("My private half-thought", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".draft-restored"));
    }

    [Fact]
    public async Task Autosave_answers_with_a_status_alone_and_an_empty_text_removes_the_draft()
    {
        var cohort = await factory.OpenCohortAsync("Autosave");
        var user = await factory.LearnerAsync(cohort, "Anni Autosave");
        var learner = await factory.CreateClientAsAsync(user);

        using var first = await AutosaveAsync(learner, factory.PromptUrl(cohort), ReflectionForm, "First words");
        using var second = await AutosaveAsync(learner, factory.PromptUrl(cohort), ReflectionForm, "First words, and more");
        var kept = await factory.QueryAsync(db => db.Drafts.Where(d => d.UserId == user.Id).Select(d => d.Body).ToListAsync());
        using var emptied = await AutosaveAsync(learner, factory.PromptUrl(cohort), ReflectionForm, "  ");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(["First words, and more"], kept);
        Assert.Equal(HttpStatusCode.NoContent, emptied.StatusCode);
        Assert.Equal(0, await DraftsOfAsync(user.Id));
    }

    [Fact]
    public async Task A_too_long_draft_is_refused_with_a_message_and_the_earlier_draft_stays()
    {
        var cohort = await factory.OpenCohortAsync("Draft too long");
        var user = await factory.LearnerAsync(cohort, "Lotta Long");
        var learner = await factory.CreateClientAsAsync(user);
        using (await AutosaveAsync(learner, factory.PromptUrl(cohort), ReflectionForm, "Short and kept"))
        {
        }
        var tooLong = new string('x', Reflection.MaxBodyLength + 1);

        using var pressed = await learner.PressAsync(factory.PromptUrl(cohort), ReflectionForm, "Save draft", new Dictionary<string, string> { ["Input.Body"] = tooLong });
        using var autosaved = await AutosaveAsync(learner, factory.PromptUrl(cohort), ReflectionForm, tooLong);

        Assert.Equal(HttpStatusCode.BadRequest, pressed.StatusCode);
        Assert.Contains("A draft can have at most 10,000 characters.", (await pressed.ParseAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, autosaved.StatusCode);
        Assert.StartsWith("A draft can have at most", await autosaved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["Short and kept"], await factory.QueryAsync(db => db.Drafts.Where(d => d.UserId == user.Id).Select(d => d.Body).ToListAsync()));
    }

    [Fact]
    public async Task Preview_shows_the_text_as_it_will_be_posted_and_keeps_the_draft()
    {
        var cohort = await factory.OpenCohortAsync("Preview");
        var user = await factory.LearnerAsync(cohort, "Veera Preview");
        var learner = await factory.CreateClientAsAsync(user);

        using var response = await learner.PressAsync(factory.PromptUrl(cohort), ReflectionForm, "Preview",
            new Dictionary<string, string> { ["Input.Body"] = "**Trust** came first.\n\n<script>alert(1)</script>" });
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = page.QuerySelector(".post-preview .post-body")!;
        Assert.Equal("Trust", preview.QuerySelector("strong")!.TextContent);
        Assert.Null(preview.QuerySelector("script"));
        Assert.Contains("**Trust** came first.", page.QuerySelector("#reflection-body")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await DraftsOfAsync(user.Id));
        Assert.Equal(0, await factory.QueryAsync(db => db.Reflections.CountAsync(r => r.AuthorId == user.Id)));
        // Posting from the preview goes to the prompt, not to the preview again.
        Assert.Equal(factory.PromptUrl(cohort), page.QuerySelector(ReflectionForm)!.GetAttribute("action"));
    }

    [Fact]
    public async Task Preview_of_nothing_says_what_is_missing()
    {
        var cohort = await factory.OpenCohortAsync("Preview empty");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Tyhjä Teksti"));

        using var response = await learner.PressAsync(factory.PromptUrl(cohort), ReflectionForm, "Preview", new Dictionary<string, string> { ["Input.Body"] = "   " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Write something before posting.", (await response.ParseAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_draft_is_restored_in_the_thread_and_removed_once_posted()
    {
        var cohort = await factory.OpenCohortAsync("Reply draft");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Rea Reflection"));
        var user = await factory.LearnerAsync(cohort, "Reijo Replier");
        var replier = await factory.CreateClientAsAsync(user);
        var reflection = await factory.WriteReflectionAsync(author, cohort, "Answer me.");
        var thread = factory.ThreadUrl(cohort, reflection);

        using var saved = await replier.PressAsync(thread, ReplyForm, "Save draft", new Dictionary<string, string> { ["Input.Body"] = "A reply in progress" });
        var page = await replier.GetDocumentAsync(thread);
        await factory.ReplyAsync(replier, cohort, reflection, "The reply.");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("A reply in progress", page.QuerySelector("#reply-body")!.TextContent);
        Assert.NotNull(page.QuerySelector(".draft-restored"));
        Assert.Equal(0, await DraftsOfAsync(user.Id));
    }

    [Fact]
    public async Task Reply_preview_renders_on_the_thread_page()
    {
        var cohort = await factory.OpenCohortAsync("Reply preview");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Ritva Reflection"));
        var replier = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Raimo Preview"));
        var reflection = await factory.WriteReflectionAsync(author, cohort, "Answer me.");

        using var response = await replier.PressAsync(factory.ThreadUrl(cohort, reflection), ReplyForm, "Preview",
            new Dictionary<string, string> { ["Input.Body"] = "A *careful* reply" });
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("careful", page.QuerySelector(".post-preview em")!.TextContent);
    }

    [Fact]
    public async Task An_observer_keeps_no_draft_and_another_institution_learns_nothing()
    {
        var cohort = await factory.OpenCohortAsync("Draft refused");
        var observer = await factory.CreateClientAsAsync(await factory.PersonInCohortAsync(cohort, CohortRole.Observer, "Olga Observer"));
        var stranger = await factory.CreateClientAsAsync(await factory.MemberAsync(factory.B, "drafts@b.test", InstitutionRole.Learner));
        var draftUrl = factory.PromptUrl(cohort) + "?handler=Draft";

        // Each with a valid token of their own session, from a page they may open.
        using var byObserver = await observer.PostFormAsync(factory.Url("/cohorts"),
            (AngleSharp.Html.Dom.IHtmlFormElement)(await observer.GetDocumentAsync(factory.Url("/Account/Manage"))).QuerySelector("main form[method=post]")!,
            new Dictionary<string, string> { ["Input.Body"] = "Observer's draft" }, action: draftUrl);
        using var byStranger = await stranger.PostFormAsync(factory.Url("/cohorts"),
            (AngleSharp.Html.Dom.IHtmlFormElement)(await stranger.GetDocumentAsync(factory.Url("/Account/Manage"))).QuerySelector("main form[method=post]")!,
            new Dictionary<string, string> { ["Input.Body"] = "Stranger's draft" }, action: draftUrl);

        Assert.Equal(HttpStatusCode.Forbidden, byObserver.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.Drafts.CountAsync(d => d.CohortId == cohort.Id)));
    }
}
