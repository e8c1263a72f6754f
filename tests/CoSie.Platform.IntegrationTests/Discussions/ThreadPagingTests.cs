using System.Net;
using AngleSharp.Dom;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Discussions;

// A thread shows its reflection and one page of 20 replies in tree order; ?page=N, ?post={id} and the Page fragment
// reach the rest.
public sealed class ThreadPagingTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private const int PageSize = 20;

    private static List<Guid> ReplyIds(IParentNode page) =>
        [.. page.QuerySelectorAll("article.post.reply[data-post-id]").Select(a => Guid.Parse(a.GetAttribute("data-post-id")!))];

    [Fact]
    public async Task Each_page_shows_the_reflection_and_its_slice_of_the_tree_in_order_with_links_to_the_others()
    {
        var cohort = await factory.OpenCohortAsync("Pages");
        var (reflectionId, replies) = await factory.SeededThreadAsync(cohort, 45);
        var reader = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Paula Pager"));
        var url = factory.ThreadUrl(cohort, reflectionId);

        var first = await reader.GetDocumentAsync(url);
        var second = await reader.GetDocumentAsync($"{url}?page=2");
        var third = await reader.GetDocumentAsync($"{url}?page=3");

        Assert.Equal(replies.Take(20), ReplyIds(first));
        Assert.Equal(replies.Skip(20).Take(20), ReplyIds(second));
        Assert.Equal(replies.Skip(40), ReplyIds(third));
        foreach (var page in new[] { first, second, third })
        {
            Assert.NotNull(page.QuerySelector($"article.reflection#post-{reflectionId}"));
        }
        // The seeded tree answers every third reply's predecessor, so page 2 opens in the middle of a branch: its
        // first reply keeps its depth and its parent stays on page 1.
        var opening = second.QuerySelector("article.post.reply")!;
        Assert.Equal("1", opening.GetAttribute("data-depth"));
        Assert.Equal(replies[19].ToString(), opening.GetAttribute("data-parent-id"));

        var more = first.QuerySelector("a.show-more")!;
        Assert.Equal("?page=2", more.GetAttribute("href"));
        Assert.Contains("25 more", more.TextContent, StringComparison.Ordinal);
        Assert.Null(first.QuerySelector(".earlier-replies"));
        Assert.StartsWith("?page=1", second.QuerySelector(".earlier-replies a[rel=prev]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("5 more", second.QuerySelector("a.show-more")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("?page=2", third.QuerySelector(".earlier-replies a[rel=prev]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Null(third.QuerySelector("a.show-more"));
    }

    [Theory]
    [InlineData("?page=0")]
    [InlineData("?page=4")]
    [InlineData("?page=two")]
    [InlineData("?handler=Page&page=4")]
    [InlineData("?handler=Page&page=-1")]
    public async Task A_page_that_does_not_exist_answers_404(string query)
    {
        var cohort = await factory.OpenCohortAsync($"No page {query}");
        var (reflectionId, _) = await factory.SeededThreadAsync(cohort, 45);
        var reader = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Nora Nopage"));

        using var response = await reader.GetAsync(factory.ThreadUrl(cohort, reflectionId) + query);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_page_fragment_holds_just_that_pages_replies_and_says_how_many_follow()
    {
        var cohort = await factory.OpenCohortAsync("Fragments");
        var (reflectionId, replies) = await factory.SeededThreadAsync(cohort, 45);
        var readerUser = await factory.LearnerAsync(cohort, "Frida Fragment");
        var reader = await factory.CreateClientAsAsync(readerUser);
        var url = factory.ThreadUrl(cohort, reflectionId);
        var whole = await reader.GetDocumentAsync($"{url}?page=2");

        using var response = await reader.GetAsync($"{url}?handler=Page&page=2");
        var html = await response.Content.ReadAsStringAsync();
        var fragment = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("5", response.Headers.GetValues("X-Replies-Remaining").Single());
        Assert.StartsWith("<article", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<header class=\"site", html, StringComparison.Ordinal);
        Assert.Equal(replies.Skip(20).Take(20), ReplyIds(fragment));
        Assert.Null(fragment.QuerySelector("article.reflection"));
        // The same posts as the page, per-person parts included.
        var onPage = whole.QuerySelectorAll("article.post.reply").Select(a => a.OuterHtml);
        Assert.Equal(onPage, fragment.QuerySelectorAll("article.post.reply").Select(a => a.OuterHtml));
        Assert.All(fragment.QuerySelectorAll("article.post.reply"), a => Assert.NotNull(a.QuerySelector(".reply-link")));
    }

    [Fact]
    public async Task A_link_to_a_post_opens_the_page_that_holds_it()
    {
        var cohort = await factory.OpenCohortAsync("Landing");
        var (reflectionId, replies) = await factory.SeededThreadAsync(cohort, 45);
        var reader = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Lena Lander"));
        var url = factory.ThreadUrl(cohort, reflectionId);

        var onSecond = await reader.GetDocumentAsync($"{url}?post={replies[33]}");
        var onThird = await reader.GetDocumentAsync($"{url}?post={replies[44]}");
        var reflection = await reader.GetDocumentAsync($"{url}?post={reflectionId}");

        Assert.Equal(replies.Skip(20).Take(20), ReplyIds(onSecond));
        Assert.Equal(replies.Skip(40), ReplyIds(onThird));
        Assert.Equal(replies.Take(20), ReplyIds(reflection));

        // Replying and marking "helpful" redirect to such a link, so the reader lands on the post.
        using var reply = await factory.PostReplyAsync(reader, cohort, reflectionId, "An answer deep in the thread.", replies[35]);
        var replyId = DiscussionFactory.PostIdOf(reply);
        var location = reply.Headers.Location!.ToString();
        Assert.Equal($"{url}?post={replyId}#post-{replyId}", location);
        Assert.NotNull((await reader.GetDocumentAsync(location)).QuerySelector($"#post-{replyId}"));

        var third = await reader.GetDocumentAsync($"{url}?page=3");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)third.QuerySelector("#post-action-form")!;
        using var helpful = await reader.PostFormAsync($"{url}?handler=Helpful&postId={replies[44]}", form, new Dictionary<string, string>());
        Assert.Equal($"{url}?post={replies[44]}#post-{replies[44]}", helpful.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Notifications_link_to_the_page_that_holds_the_reply()
    {
        var cohort = await factory.OpenCohortAsync("Notified");
        var authorUser = await factory.LearnerAsync(cohort, "Nils Notified");
        var (reflectionId, replies) = await factory.SeededThreadAsync(cohort, 45, authorUser);
        var author = await factory.CreateClientAsAsync(authorUser);
        var replier = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Rhea Replier"));
        var replyId = await factory.ReplyAsync(replier, cohort, reflectionId, "To your reply on page 3.", replies[42]);

        var notifications = await author.GetDocumentAsync(factory.Url("/notifications"));
        var link = notifications.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Single(h => h?.Contains($"#post-{replyId}", StringComparison.Ordinal) == true)!;

        Assert.Contains($"?post={replyId}#post-{replyId}", link, StringComparison.Ordinal);
        var page = await author.GetDocumentAsync(link);
        Assert.NotNull(page.QuerySelector($"#post-{replyId}"));
    }

    [Fact]
    public async Task Replying_to_a_post_on_a_later_page_shows_what_the_reply_answers()
    {
        var cohort = await factory.OpenCohortAsync("Later reply");
        var authorUser = await factory.LearnerAsync(cohort, "Otto Original");
        var (reflectionId, replies) = await factory.SeededThreadAsync(cohort, 45, authorUser);
        var reader = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Ria Responder"));
        var url = factory.ThreadUrl(cohort, reflectionId);

        var page = await reader.GetDocumentAsync($"{url}?replyTo={replies[41]}");

        Assert.Contains("Replying to Otto Original", page.QuerySelector(".replying-to")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(replies[41].ToString(), page.QuerySelector("input.reply-parent")!.GetAttribute("value"));
        Assert.Contains(replies[41], ReplyIds(page));

        var replyId = await factory.ReplyAsync(reader, cohort, reflectionId, "Answering page 3.", replies[41]);
        var row = await factory.QueryAsync(db => db.Replies.AsNoTracking().SingleAsync(r => r.Id == replyId));
        Assert.Equal(replies[41], row.ParentReplyId);
    }

    [Fact]
    public async Task Pages_count_only_the_posts_each_kind_of_reader_is_shown()
    {
        var cohort = await factory.OpenCohortAsync("Per viewer");
        var authorUser = await factory.LearnerAsync(cohort, "Ava Awaiting");
        var (reflectionId, replies) = await factory.SeededThreadAsync(cohort, 25, authorUser);
        var hidden = replies[3];
        var awaiting = replies[5];
        await factory.QueryAsync(async db =>
        {
            (await db.Replies.SingleAsync(r => r.Id == hidden)).Status = PostStatus.HiddenByModerator;
            (await db.Replies.SingleAsync(r => r.Id == awaiting)).Status = PostStatus.AwaitingApproval;
            var reflection = await db.Reflections.SingleAsync(r => r.Id == reflectionId);
            reflection.ThreadVersion++;
            return await db.SaveChangesAsync();
        });
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Leo Learner"));
        var author = await factory.CreateClientAsAsync(authorUser);
        var moderator = await factory.CreateClientAsAsync(await factory.PersonInCohortAsync(cohort, CohortRole.Instructor, "Mona Moderator"));
        var url = factory.ThreadUrl(cohort, reflectionId);
        var shownToReaders = replies.Where(r => r != awaiting).ToList();

        var learnerFirst = await learner.GetDocumentAsync(url);
        var learnerSecond = await learner.GetDocumentAsync($"{url}?page=2");
        var moderatorFirst = await moderator.GetDocumentAsync(url);
        var moderatorSecond = await moderator.GetDocumentAsync($"{url}?page=2");
        var authorFirst = await author.GetDocumentAsync(url);

        Assert.Equal(shownToReaders.Take(20), ReplyIds(learnerFirst));
        Assert.Equal(shownToReaders.Skip(20), ReplyIds(learnerSecond));
        Assert.Contains("This post was hidden by a moderator.", learnerFirst.QuerySelector($"#post-{hidden}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(replies.Take(20), ReplyIds(moderatorFirst));
        Assert.Equal(replies.Skip(20), ReplyIds(moderatorSecond));
        Assert.NotNull(moderatorFirst.QuerySelector($"#post-{awaiting}.awaiting-post"));
        // The author finds the waiting reply in its own section, not in the pages of the thread.
        Assert.Equal(shownToReaders.Take(20), ReplyIds(authorFirst.QuerySelector("#thread")!));
        Assert.NotNull(authorFirst.QuerySelector($".own-awaiting #post-{awaiting}"));
        // A link to the waiting post does not reveal it to a learner; the first page opens.
        Assert.Equal(shownToReaders.Take(20), ReplyIds(await learner.GetDocumentAsync($"{url}?post={awaiting}")));
        using var fragment = await learner.GetAsync($"{url}?handler=Page&page=2");
        Assert.Equal(shownToReaders.Skip(20), ReplyIds(await fragment.ParseAsync()));
        Assert.Equal("0", fragment.Headers.GetValues("X-Replies-Remaining").Single());
    }

    [Fact]
    public async Task The_fragment_answers_404_across_institutions_and_403_to_another_cohort()
    {
        var cohort = await factory.OpenCohortAsync("Fenced");
        var (reflectionId, _) = await factory.SeededThreadAsync(cohort, 25);
        var stranger = await factory.CreateClientAsAsync(await factory.MemberAsync(factory.B, $"{Guid.NewGuid():N}@b.test", InstitutionRole.Admin));
        var other = await factory.CreateClientAsAsync(await factory.LearnerAsync(await factory.OpenCohortAsync("Next door"), "Nick Neighbour"));
        var url = $"{factory.ThreadUrl(cohort, reflectionId)}?handler=Page&page=2";

        using var fromB = await stranger.GetAsync(url);
        using var fromNextDoor = await other.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, fromB.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, fromNextDoor.StatusCode);
        Assert.DoesNotContain("Reply 21", await fromB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Reply 21", await fromNextDoor.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_visit_with_nothing_new_records_nothing_and_new_replies_are_still_marked()
    {
        var cohort = await factory.OpenCohortAsync("Visits");
        var readerUser = await factory.LearnerAsync(cohort, "Vera Visitor");
        var reader = await factory.CreateClientAsAsync(readerUser);
        var writer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Walt Writer"));
        var reflectionId = await factory.WriteReflectionAsync(writer, cohort, "Visit me.");
        var url = factory.ThreadUrl(cohort, reflectionId);
        await reader.GetDocumentAsync(url);
        var firstVisit = await VisitAsync(readerUser.Id, reflectionId);

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await reader.GetDocumentAsync(url);
        Assert.Equal(firstVisit, await VisitAsync(readerUser.Id, reflectionId));

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var replyId = await factory.ReplyAsync(writer, cohort, reflectionId, "Something new.");
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var withNews = await reader.GetDocumentAsync(url);
        var again = await reader.GetDocumentAsync(url);

        Assert.NotNull(withNews.QuerySelector($"#post-{replyId} .new-mark"));
        Assert.Null(again.QuerySelector($"#post-{replyId} .new-mark"));
        Assert.True((await VisitAsync(readerUser.Id, reflectionId)).VisitedAt > firstVisit.VisitedAt);
    }

    [Fact]
    public async Task Later_pages_of_one_reading_mark_the_same_replies_as_new()
    {
        var cohort = await factory.OpenCohortAsync("Marks across pages");
        var readerUser = await factory.LearnerAsync(cohort, "Maija Marked");
        var (reflectionId, replies) = await factory.SeededThreadAsync(cohort, 25);
        // The reader was last here an hour before the replies were written.
        await factory.VisitAsync(factory.A, readerUser, reflectionId, lastSeenSequence: 0, visitedAt: factory.Clock.GetUtcNow().AddHours(-1));
        var reader = await factory.CreateClientAsAsync(readerUser);
        var url = factory.ThreadUrl(cohort, reflectionId);

        var first = await reader.GetDocumentAsync(url);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var next = first.QuerySelector("a.show-more")!.GetAttribute("href")!;
        var second = await reader.GetDocumentAsync(url + next);
        using var fragment = await reader.GetAsync($"{url}?handler=Page&page=2{first.QuerySelector("a.show-more")!.GetAttribute("data-since")}");
        var withoutSince = await reader.GetDocumentAsync($"{url}?page=2");

        Assert.NotNull(first.QuerySelector($"#post-{replies[0]} .new-mark"));
        Assert.NotNull(second.QuerySelector($"#post-{replies[24]} .new-mark"));
        Assert.NotNull((await fragment.ParseAsync()).QuerySelector($"#post-{replies[24]} .new-mark"));
        // A fresh look at the page counts from the visit the first page recorded.
        Assert.Null(withoutSince.QuerySelector($"#post-{replies[24]} .new-mark"));
    }

    private Task<(long Sequence, DateTimeOffset VisitedAt)> VisitAsync(Guid userId, Guid reflectionId) =>
        factory.QueryAsync(async db => await db.ThreadVisits.AsNoTracking()
            .Where(v => v.UserId == userId && v.ReflectionId == reflectionId)
            .Select(v => new ValueTuple<long, DateTimeOffset>(v.LastSeenSequence, v.VisitedAt)).SingleAsync());
}
