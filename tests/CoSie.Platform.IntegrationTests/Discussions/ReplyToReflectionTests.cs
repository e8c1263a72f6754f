using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Discussions;

public sealed class ReplyToReflectionTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    [Fact]
    public async Task A_reflection_and_replies_form_a_tree_with_permalinks()
    {
        var cohort = await factory.OpenCohortAsync("Tree");
        var aino = await factory.LearnerAsync(cohort, "Aino Tree");
        var bartek = await factory.LearnerAsync(cohort, "Bartek Tree");
        var ainoClient = await factory.CreateClientAsAsync(aino);
        var bartekClient = await factory.CreateClientAsAsync(bartek);

        var reflectionId = await factory.WriteReflectionAsync(ainoClient, cohort, "Our pilot *spread* through trust.");
        var first = await factory.ReplyAsync(bartekClient, cohort, reflectionId, "Trust of whom?");
        var second = await factory.ReplyAsync(ainoClient, cohort, reflectionId, "Of the **residents**.", parentId: first);
        var third = await factory.ReplyAsync(bartekClient, cohort, reflectionId, "A second top-level reply.");

        var page = await bartekClient.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        var posts = page.QuerySelectorAll("article.post[data-post-id]").Select(a => a.GetAttribute("data-post-id")).ToList();
        Assert.Equal([reflectionId.ToString(), first.ToString(), second.ToString(), third.ToString()], posts);
        var nested = page.QuerySelector($"#post-{second}")!;
        Assert.Equal(first.ToString(), nested.GetAttribute("data-parent-id"));
        Assert.Contains("depth-1", nested.ClassName, StringComparison.Ordinal);
        Assert.Equal("residents", nested.QuerySelector(".post-body strong")!.TextContent);
        Assert.Equal($"#post-{second}", nested.QuerySelector("a.permalink")!.GetAttribute("href"));
        Assert.Equal("Aino Tree", nested.QuerySelector(".post-author")!.TextContent);
        // The generated avatar shows the initials beside the name and is hidden from screen readers, which read the name.
        var avatar = nested.QuerySelector(".post-meta .avatar")!;
        Assert.Equal(("AT", "true"), (avatar.TextContent, avatar.GetAttribute("aria-hidden")));
        // Each reader's own posts are marked as theirs, and only theirs.
        Assert.Equal(
            [first.ToString(), third.ToString()],
            page.QuerySelectorAll("article.post").Where(a => a.QuerySelector(":scope > .own-mark") is not null).Select(a => a.GetAttribute("data-post-id")));
        Assert.Equal("Your reply", page.QuerySelector($"#post-{first} > .own-mark")!.TextContent);
        var ainosPage = await ainoClient.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        Assert.Equal("Your reflection", ainosPage.QuerySelector($"#post-{reflectionId} > .own-mark")!.TextContent);
        Assert.Null(ainosPage.QuerySelector($"#post-{first} > .own-mark"));
    }

    [Fact]
    public async Task Replying_redirects_to_the_new_replys_permalink()
    {
        var cohort = await factory.OpenCohortAsync("Redirect");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Rita"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "A reflection.");

        using var response = await factory.PostReplyAsync(author, cohort, reflectionId, "My own follow-up.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var replyId = DiscussionFactory.PostIdOf(response);
        Assert.Equal($"{factory.ThreadUrl(cohort, reflectionId)}?post={replyId}#post-{replyId}", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_same_reply_form_posted_twice_creates_one_reply()
    {
        var cohort = await factory.OpenCohortAsync("Double");
        var client = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Dora Double"));
        var reflectionId = await factory.WriteReflectionAsync(client, cohort, "Reflect.");
        var page = await client.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#reply-form")!;
        var values = new Dictionary<string, string> { ["Input.Body"] = "Posted once, sent twice." };

        using var first = await client.PostFormAsync(factory.ThreadUrl(cohort, reflectionId), form, values);
        using var second = await client.PostFormAsync(factory.ThreadUrl(cohort, reflectionId), form, values);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await factory.QueryAsync(db => db.Replies.CountAsync(r => r.ReflectionId == reflectionId)));
    }

    [Fact]
    public async Task The_same_reply_form_sent_five_times_at_once_creates_one_reply_and_every_answer_leads_to_it()
    {
        var cohort = await factory.OpenCohortAsync("Five at once");
        var client = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Fiona Five"));
        var reflectionId = await factory.WriteReflectionAsync(client, cohort, "Reflect.");
        var page = await client.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#reply-form")!;
        var values = new Dictionary<string, string> { ["Input.Body"] = "Sent five times at once." };

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.PostFormAsync(factory.ThreadUrl(cohort, reflectionId), form, values)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Single(answers.Select(a => a.Headers.Location).Distinct());
        Assert.Equal(1, await factory.QueryAsync(db => db.Replies.CountAsync(r => r.ReflectionId == reflectionId)));
        Assert.Equal(1, await factory.QueryAsync(db => db.ThreadEvents.CountAsync(e => e.ReflectionId == reflectionId && e.Kind == ThreadEventKind.ReplyPosted)));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Replies_posted_at_once_each_get_their_own_place_and_event_and_all_are_delivered()
    {
        var cohort = await factory.OpenCohortAsync("All at once");
        var members = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            members.Add(await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, $"Member {i} At Once")));
        }
        var reflectionId = await factory.WriteReflectionAsync(members[0], cohort, "Answer all at once.");
        var first = await factory.ReplyAsync(members[1], cohort, reflectionId, "The first answer.");
        var before = await factory.QueryAsync(db => db.Reflections.AsNoTracking().SingleAsync(r => r.Id == reflectionId));
        foreach (var member in members)
        {
            // Each member's first form sets their antiforgery cookie; two first forms at once would race for it.
            await member.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        }

        // Four members, each one answer to the reflection and one to the first reply, all sent together.
        var answers = await Task.WhenAll(members.SelectMany((member, i) => new[]
        {
            factory.PostReplyAsync(member, cohort, reflectionId, $"Root answer {i}."),
            factory.PostReplyAsync(member, cohort, reflectionId, $"Nested answer {i}.", first),
        }));
        await factory.OutboxDeliveredAsync();

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        var after = await factory.QueryAsync(db => db.Reflections.AsNoTracking().SingleAsync(r => r.Id == reflectionId));
        var replies = await factory.QueryAsync(db => db.Replies.Where(r => r.ReflectionId == reflectionId).ToListAsync());
        var events = await factory.QueryAsync(db => db.ThreadEvents.Where(e => e.ReflectionId == reflectionId && e.Sequence > before.LastEventSequence)
            .OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(9, replies.Count);
        Assert.Equal(9, replies.Select(r => r.Path).Distinct().Count());
        Assert.Equal(5, replies.Count(r => r.ParentReplyId is null));
        Assert.Equal(4, replies.Single(r => r.Id == first).ChildCount);
        Assert.Equal(Enumerable.Range(1, 8).Select(n => before.LastEventSequence + n), events.Select(e => e.Sequence));
        Assert.Equal(answers.Select(DiscussionFactory.PostIdOf).Order(), events.Select(e => e.PostId).Order());
        Assert.Equal((before.ReplyCount + 8, before.ThreadVersion + 8), (after.ReplyCount, after.ThreadVersion));
        Assert.Equal(0, await factory.QueryAsync(db => db.DiscussionOutbox.CountAsync(o => o.ReflectionId == reflectionId)));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task The_same_reflection_form_posted_twice_creates_one_reflection()
    {
        var cohort = await factory.OpenCohortAsync("Double reflection");
        var client = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Dan Double"));
        var page = await client.GetDocumentAsync(factory.PromptUrl(cohort));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#reflection-form")!;
        var values = new Dictionary<string, string> { ["Input.Body"] = "Once." };

        using var first = await client.PostFormAsync(factory.PromptUrl(cohort), form, values);
        using var second = await client.PostFormAsync(factory.PromptUrl(cohort), form, values);

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await factory.QueryAsync(db => db.Reflections.CountAsync(r => r.CohortId == cohort.Id)));
    }

    [Theory]
    [InlineData("   ", "Write something")]
    [InlineData(null, "at most")]
    public async Task Empty_or_oversize_posts_change_nothing_and_say_why(string? body, string message)
    {
        var cohort = await factory.OpenCohortAsync("Bad input " + message);
        var client = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Bea Bad"));
        var reflectionId = await factory.WriteReflectionAsync(client, cohort, "Fine.");
        var text = body ?? new string('x', 20_000);

        using var reply = await factory.PostReplyAsync(client, cohort, reflectionId, text);
        using var reflection = await client.SubmitAsync(factory.PromptUrl(cohort, 1), new Dictionary<string, string> { ["Input.Body"] = text }, "#reflection-form");

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        Assert.Contains(message, (await reply.ParseAsync()).QuerySelector("#post-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, reflection.StatusCode);
        Assert.Contains(message, (await reflection.ParseAsync()).QuerySelector("#post-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.Replies.CountAsync(r => r.ReflectionId == reflectionId)));
        Assert.Equal(1, await factory.QueryAsync(db => db.Reflections.CountAsync(r => r.CohortId == cohort.Id)));
    }

    [Fact]
    public async Task Reply_to_a_locked_thread_is_refused()
    {
        var cohort = await factory.OpenCohortAsync("Locked");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Lotta"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Lauri"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Lock me.");
        var page = await peer.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#reply-form")!;
        await factory.QueryAsync(db => db.Reflections.Where(r => r.Id == reflectionId).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsLocked, true)));

        using var response = await peer.PostFormAsync(factory.ThreadUrl(cohort, reflectionId), form, new Dictionary<string, string> { ["Input.Body"] = "Too late." });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("locked", (await response.ParseAsync()).QuerySelector("#post-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.Replies.CountAsync(r => r.ReflectionId == reflectionId)));
    }

    [Fact]
    public async Task Reply_to_a_deleted_parent_is_refused()
    {
        var cohort = await factory.OpenCohortAsync("Deleted parent");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Paula"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pekka"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Parent thread.");
        var parent = await factory.ReplyAsync(author, cohort, reflectionId, "I will delete this.");
        var page = await peer.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId) + $"?replyTo={parent}");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#reply-form")!;
        await author.SubmitAsync($"{factory.ThreadUrl(cohort, reflectionId)}/posts/{parent}/edit", new Dictionary<string, string>(), "#delete-form");

        using var response = await peer.PostFormAsync(factory.ThreadUrl(cohort, reflectionId), form, new Dictionary<string, string> { ["Input.Body"] = "Answering a ghost." });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("deleted", (await response.ParseAsync()).QuerySelector("#post-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.Replies.CountAsync(r => r.ReflectionId == reflectionId)));
    }

    [Fact]
    public async Task Posting_in_a_flood_is_answered_with_slow_down_and_Retry_After()
    {
        var cohort = await factory.OpenCohortAsync("Flood");
        var client = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Flo Flood"));
        var reflectionId = await factory.WriteReflectionAsync(client, cohort, "Start.");
        for (var i = 0; i < 4; i++)
        {
            await factory.ReplyAsync(client, cohort, reflectionId, $"Reply {i}");
        }

        using var response = await factory.PostReplyAsync(client, cohort, reflectionId, "One too many.");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Contains("Slow down", (await response.ParseAsync()).QuerySelector("#post-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, await factory.QueryAsync(db => db.Replies.CountAsync(r => r.ReflectionId == reflectionId)));
    }

    [Fact]
    public async Task Editing_keeps_the_earlier_text_in_a_history_only_moderators_see()
    {
        var cohort = await factory.OpenCohortAsync("Edit");
        var client = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Eddie Edit"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Erin Edit"));
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var reflectionId = await factory.WriteReflectionAsync(client, cohort, "First words.");
        var editUrl = $"{factory.ThreadUrl(cohort, reflectionId)}/posts/{reflectionId}/edit";

        using var response = await client.SubmitAsync(editUrl, new Dictionary<string, string> { ["Input.Body"] = "Better words." }, "#edit-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await peer.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        var post = page.QuerySelector($"#post-{reflectionId}")!;
        Assert.Contains("Better words.", post.QuerySelector(".post-body")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(post.QuerySelector(".edited-mark"));
        Assert.Null(post.QuerySelector(".history-link"));
        var moderatorView = await instructor.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        var historyUrl = moderatorView.QuerySelector($"#post-{reflectionId} .history-link")!.GetAttribute("href")!;
        var history = await instructor.GetDocumentAsync(historyUrl);
        Assert.Contains("First words.", history.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var peerHistory = await peer.GetAsync(historyUrl);
        Assert.Equal(HttpStatusCode.Forbidden, peerHistory.StatusCode);
    }

    [Fact]
    public async Task Editing_after_the_edit_window_is_refused()
    {
        var cohort = await factory.OpenCohortAsync("Late edit", c => c.EditWindowMinutes = 0);
        var client = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Lena Late"));
        var reflectionId = await factory.WriteReflectionAsync(client, cohort, "Fixed in stone.");
        var threadPage = await client.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        var anyForm = (AngleSharp.Html.Dom.IHtmlFormElement)threadPage.QuerySelector("#post-action-form")!;

        using var response = await client.PostFormAsync($"{factory.ThreadUrl(cohort, reflectionId)}/posts/{reflectionId}/edit", anyForm,
            new Dictionary<string, string> { ["Input.Body"] = "Changed." });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Fixed in stone.", await factory.QueryAsync(db => db.Reflections.Where(r => r.Id == reflectionId).Select(r => r.BodySource).SingleAsync()));
    }

    [Fact]
    public async Task Deleting_a_reflection_keeps_its_replies_and_shows_it_deleted()
    {
        var cohort = await factory.OpenCohortAsync("Delete");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Dina Delete"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Dave Delete"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Soon gone.");
        var reply = await factory.ReplyAsync(peer, cohort, reflectionId, "I stay.");

        using var response = await author.SubmitAsync($"{factory.ThreadUrl(cohort, reflectionId)}/posts/{reflectionId}/edit", new Dictionary<string, string>(), "#delete-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await peer.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        var reflection = page.QuerySelector($"#post-{reflectionId}")!;
        Assert.Contains("deleted", reflection.ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("Soon gone.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("I stay.", page.QuerySelector($"#post-{reply}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(PostStatus.Deleted, await factory.QueryAsync(db => db.Reflections.Where(r => r.Id == reflectionId).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Helpful_counts_once_per_person_and_not_for_ones_own_post()
    {
        var cohort = await factory.OpenCohortAsync("Helpful");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Hanna Helpful"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Hugo Helpful"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Useful?");
        var url = factory.ThreadUrl(cohort, reflectionId);

        var page = await peer.GetDocumentAsync(url);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#post-action-form")!;
        using var first = await peer.PostFormAsync($"{url}?handler=Helpful&postId={reflectionId}", form, new Dictionary<string, string>());
        var after = await peer.GetDocumentAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("1", after.QuerySelector($"#post-{reflectionId} .helpful-count")!.TextContent);
        Assert.Equal("true", after.QuerySelector($"#post-{reflectionId} .helpful-button")!.GetAttribute("aria-pressed"));
        var own = await author.GetDocumentAsync(url);
        Assert.Null(own.QuerySelector($"#post-{reflectionId} .helpful-button"));
        var ownForm = (AngleSharp.Html.Dom.IHtmlFormElement)own.QuerySelector("#post-action-form")!;
        using var self = await author.PostFormAsync($"{url}?handler=Helpful&postId={reflectionId}", ownForm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.Helpfuls.CountAsync(h => h.PostId == reflectionId)));
        Assert.Equal(1, await factory.QueryAsync(db => db.Reflections.Where(r => r.Id == reflectionId).Select(r => r.HelpfulCount).SingleAsync()));
    }
}
