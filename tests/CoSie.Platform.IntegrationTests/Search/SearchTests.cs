using System.Net;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Discussions;
using CoSie.Platform.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Search;

// Each test has cohorts and people of its own, and words of its own, so tests do not find each other's posts.
public sealed class SearchTests(SearchFactory factory) : IClassFixture<SearchFactory>
{
    [Fact]
    public async Task A_learner_finds_a_peers_reply_by_another_form_of_a_word_in_it()
    {
        var cohort = await factory.OpenCohortAsync("Stems in English");
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pekka Peer"));
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Lotta Learner"));
        var reflection = await factory.WriteReflectionAsync(learner, cohort, "We invited residents to the first workshop.");
        var reply = await factory.ReplyAsync(peer, cohort, reflection, "Our caseworkers were interviewing families all spring.");

        var page = await factory.SearchAsync(learner, "interviewed caseworker");

        var hit = Assert.Single(SearchFactory.Hits(page));
        Assert.Equal(("Reply", reply), hit);
        var item = page.QuerySelector("li.search-hit")!;
        Assert.Equal(["caseworkers", "interviewing"], item.QuerySelectorAll(".snippet mark").Select(m => m.TextContent).ToArray());
        Assert.EndsWith($"/cohorts/{cohort.Id}/reflections/{reflection}?post={reply}#post-{reply}", item.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("Pekka Peer", item.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finnish_posts_are_indexed_in_Finnish_and_found_by_another_inflection()
    {
        var cohort = await factory.OpenCohortAsync("Suomeksi");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Aino Asukas"));
        using var written = await learner.SubmitAsync(
            factory.Url($"/cohorts/{cohort.Id}/prompts/{factory.FinnishPrompt.Id}"),
            new Dictionary<string, string> { ["Input.Body"] = "Kirjastot järjestivät työpajoja nuorille." }, "#reflection-form");
        var reflection = SearchFactory.PostIdOf(written);

        var page = await factory.SearchAsync(learner, "kirjasto työpaja");

        Assert.Contains(("Reflection", reflection), SearchFactory.Hits(page));
        Assert.Equal("fi", page.QuerySelector($"li.search-hit[data-id='{reflection}'] .snippet")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task Prompts_and_module_texts_are_found_and_link_to_their_pages()
    {
        var cohort = await factory.OpenCohortAsync("Course texts");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Tekla Texts"));

        var page = await factory.SearchAsync(learner, "asukkaat", $"cohort={cohort.Id}");

        var hits = SearchFactory.Hits(page);
        Assert.Contains(("Prompt", factory.FinnishPrompt.Id), hits);
        Assert.Contains(("Module", factory.FinnishModule.Id), hits);
        Assert.EndsWith($"/cohorts/{cohort.Id}/prompts/{factory.FinnishPrompt.Id}",
            page.QuerySelector($"li.search-hit[data-id='{factory.FinnishPrompt.Id}'] a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.EndsWith("/courses/co-creation/palvelut",
            page.QuerySelector($"li.search-hit[data-id='{factory.FinnishModule.Id}'] a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_that_says_the_word_more_often_ranks_first()
    {
        var cohort = await factory.OpenCohortAsync("Ranking");
        var once = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Olli Once"));
        var often = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Otto Often"));
        var first = await factory.WriteReflectionAsync(once, cohort, "A lighthouse stood at the harbour, and the rest of the day was about budgets and forms.");
        var second = await factory.WriteReflectionAsync(often, cohort, "Lighthouse keepers, lighthouse visitors: the lighthouse was the project.");

        var page = await factory.SearchAsync(once, "lighthouse");

        Assert.Equal([second, first], SearchFactory.HitIds(page));
    }

    [Fact]
    public async Task Post_first_holds_in_search_a_peers_reflection_appears_only_once_the_gate_opens()
    {
        var cohort = await factory.CohortAsync("Post first");
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Petra Peer"));
        var peerReflection = await factory.WriteReflectionAsync(peer, cohort, "The sandcastle pilot failed gloriously.");
        var peerReply = await factory.ReplyAsync(peer, cohort, peerReflection, "Another sandcastle note on my own thread.");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Leena Late"));

        var before = await factory.SearchAsync(learner, "sandcastle");
        await factory.WriteReflectionAsync(learner, cohort, "My own answer first.");
        var inWindow = await factory.SearchAsync(learner, "sandcastle");
        factory.Clock.Advance(TimeSpan.FromMinutes(Cohort.DefaultEditWindowMinutes + 1));
        var after = await factory.SearchAsync(learner, "sandcastle");

        Assert.Empty(SearchFactory.Hits(before));
        Assert.DoesNotContain("gloriously", before.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(SearchFactory.Hits(inWindow));
        Assert.Equal(new[] { peerReflection, peerReply }.Order(), SearchFactory.HitIds(after).Order());
    }

    // The search decides post-first with the thread page's own rules: for every person and every thread of a cohort,
    // search finds the reflection exactly when DiscussionAccess lets that person read its thread.
    [Fact]
    public async Task Search_finds_a_reflection_exactly_when_the_thread_page_would_show_it()
    {
        var cohort = await factory.CohortAsync("Tied to access", factory.Instructor);
        await factory.UpdateCohortAsync(cohort, c => c.EditWindowMinutes = 5);
        var people = new List<(Web.Identity.PlatformUser User, HttpClient Client)>();
        foreach (var name in new[] { "Ada", "Bo", "Cy", "Di" })
        {
            var user = await factory.LearnerAsync(cohort, name + " Tied");
            people.Add((user, await factory.CreateClientAsAsync(user)));
        }
        var observer = await factory.PersonInCohortAsync(cohort, CohortRole.Observer, "Oz Observer");
        people.Add((observer, await factory.CreateClientAsAsync(observer)));
        people.Add((factory.Instructor, await factory.CreateClientAsAsync(factory.Instructor)));
        var threads = new List<Guid>
        {
            await factory.WriteReflectionAsync(people[0].Client, cohort, "Tiedword from Ada on the first prompt.", prompt: 0),
            await factory.WriteReflectionAsync(people[1].Client, cohort, "Tiedword from Bo on the first prompt.", prompt: 0),
        };
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        threads.Add(await factory.WriteReflectionAsync(people[2].Client, cohort, "Tiedword from Cy on the first prompt, just now.", prompt: 0));
        threads.Add(await factory.WriteReflectionAsync(people[0].Client, cohort, "Tiedword from Ada on the second prompt.", prompt: 1));

        var checkedPairs = 0;
        foreach (var (user, client) in people)
        {
            var found = SearchFactory.HitIds(await factory.SearchAsync(client, "tiedword"));
            foreach (var thread in threads)
            {
                var allowed = await factory.InInstitutionAsync(factory.A.Id, (services, _) =>
                    services.GetRequiredService<DiscussionAccess>().CanReadAsync(thread, user.Id, CancellationToken.None));
                Assert.True(found.Contains(thread) == allowed, $"{user.DisplayName} and thread {threads.IndexOf(thread)}: search {found.Contains(thread)}, thread page {allowed}");
                checkedPairs++;
            }
        }
        Assert.Equal(24, checkedPairs);
    }

    [Fact]
    public async Task Hidden_and_awaiting_posts_are_found_by_moderators_only()
    {
        var cohort = await factory.OpenCohortAsync("Moderated words");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Hugo Hidden"));
        var reader = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Rita Reader"));
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var reflection = await factory.WriteReflectionAsync(author, cohort, "An ordinary quokka story.");
        var hidden = await factory.ReplyAsync(author, cohort, reflection, "A rude quokka remark.");
        var awaiting = await factory.ReplyAsync(author, cohort, reflection, "An unapproved quokka remark.");
        await factory.QueryAsync(async db =>
        {
            await db.Replies.Where(r => r.Id == hidden).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, PostStatus.HiddenByModerator));
            return await db.Replies.Where(r => r.Id == awaiting).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, PostStatus.AwaitingApproval));
        });

        var learnerSees = SearchFactory.HitIds(await factory.SearchAsync(reader, "quokka"));
        var moderatorPage = await factory.SearchAsync(instructor, "quokka");

        Assert.Equal([reflection], learnerSees);
        Assert.Equal(new[] { reflection, hidden, awaiting }.Order(), SearchFactory.HitIds(moderatorPage).Order());
        Assert.NotNull(moderatorPage.QuerySelector($"li.search-hit[data-id='{hidden}'] .badge"));
    }

    [Fact]
    public async Task An_author_finds_their_own_hidden_and_awaiting_posts_and_other_learners_do_not()
    {
        var cohort = await factory.OpenCohortAsync("Own moderated words");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Olga Own"));
        var reader = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Rolf Reader"));
        var reflection = await factory.WriteReflectionAsync(author, cohort, "A plain narwhal story.");
        var hidden = await factory.ReplyAsync(author, cohort, reflection, "A rude narwhal remark.");
        var awaiting = await factory.ReplyAsync(author, cohort, reflection, "An unapproved narwhal remark.");
        var awaitingThread = await factory.WriteReflectionAsync(author, cohort, "A narwhal thread nobody approved yet.", prompt: 1);
        await factory.QueryAsync(async db =>
        {
            await db.Replies.Where(r => r.Id == hidden).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, PostStatus.HiddenByModerator));
            await db.Reflections.Where(r => r.Id == awaitingThread).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, PostStatus.AwaitingApproval));
            return await db.Replies.Where(r => r.Id == awaiting).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, PostStatus.AwaitingApproval));
        });

        var authorPage = await factory.SearchAsync(author, "narwhal");
        var readerSees = SearchFactory.HitIds(await factory.SearchAsync(reader, "narwhal"));

        Assert.Equal(new[] { reflection, hidden, awaiting, awaitingThread }.Order(), SearchFactory.HitIds(authorPage).Order());
        Assert.NotNull(authorPage.QuerySelector($"li.search-hit[data-id='{hidden}'] .badge"));
        Assert.NotNull(authorPage.QuerySelector($"li.search-hit[data-id='{awaiting}'] .badge"));
        Assert.Equal([reflection], readerSees);
    }

    [Fact]
    public async Task Changing_the_institutions_default_language_indexes_its_posts_again_in_the_new_language()
    {
        var (institution, learnerUser, reflection) = await factory.InstitutionWithAPostAsync("kielikoulu", "Kirjastot järjestivät työpajoja nuorille.");
        var learner = await factory.CreateClientAsAsync(learnerUser);
        var admin = await factory.CreateBrowserLikeClientAsAsync(await factory.UserAsync("root@search.test", platformAdmin: true));
        async Task<IHtmlDocument> Search() => await learner.GetDocumentAsync("/kielikoulu/search?q=kirjasto");

        // Indexed in English, the institution's default: the Finnish plural is only close to the word.
        var before = await Search();
        using var saved = await admin.SubmitAsync($"/admin/institutions/{institution.Id}/edit", new Dictionary<string, string> { ["Input.DefaultCulture"] = "fi" });
        var after = await Search();

        Assert.Contains("No exact matches", before.QuerySelector(".search-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([reflection], SearchFactory.HitIds(after));
        Assert.Contains("1 result for", after.QuerySelector(".search-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_cohorts_and_another_institutions_posts_are_never_found()
    {
        var mine = await factory.OpenCohortAsync("My cohort");
        var theirs = await factory.OpenCohortAsync("Their cohort");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(mine, "Mia Mine"));
        var stranger = await factory.CreateClientAsAsync(await factory.LearnerAsync(theirs, "Sam Stranger"));
        await factory.WriteReflectionAsync(stranger, theirs, "The wombat pilot in their cohort.");
        var admin = await factory.CreateClientAsAsync(factory.AdminA);
        var learnerB = await factory.CreateClientAsAsync(factory.LearnerB);

        Assert.Empty(SearchFactory.Hits(await factory.SearchAsync(learner, "wombat")));
        Assert.Empty(SearchFactory.Hits(await factory.SearchAsync(learner, SearchFactory.WordOnlyInB)));
        Assert.Empty(SearchFactory.Hits(await factory.SearchAsync(learner, "wombat", $"cohort={theirs.Id}")));
        // The institution's admin searches every cohort of it, and still nothing of B.
        Assert.Single(SearchFactory.Hits(await factory.SearchAsync(admin, "wombat")));
        Assert.Empty(SearchFactory.Hits(await factory.SearchAsync(admin, SearchFactory.WordOnlyInB)));
        // A person of B has nothing to search in A.
        using var refused = await learnerB.GetAsync(factory.SearchUrl(SearchFactory.WordOnlyInB));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("!!! ??? ---", "Type a word to search for.")]
    [InlineData("' OR 1=1; DROP TABLE reflections; --", null)]
    [InlineData("a & | ! <-> :* \\ ( ) \"", null)]
    [InlineData("\"unbalanced quote -", null)]
    [InlineData("the and of", null)]
    [InlineData("or -or \"\" - OR", null)]
    [InlineData("%_\\%", null)]
    public async Task Hostile_queries_get_a_page_with_a_message_or_no_results_never_an_error(string query, string? message)
    {
        var cohort = await factory.OpenCohortAsync("Hostile " + Guid.NewGuid().ToString("N")[..6]);
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Hilda Hostile"));
        await factory.WriteReflectionAsync(learner, cohort, "A perfectly ordinary reflection.");

        var page = await factory.SearchAsync(learner, query, $"author={Uri.EscapeDataString(query)}");

        Assert.DoesNotContain(SearchFactory.Hits(page), h => h.Kind is "Reflection" or "Reply");
        if (message is not null)
        {
            Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal("1", await factory.QueryAsync(async db => (await db.Reflections.CountAsync(r => r.CohortId == cohort.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_very_long_query_is_refused_with_a_message_and_odd_filters_are_ignored()
    {
        var cohort = await factory.OpenCohortAsync("Long words");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Lars Long"));

        var page = await factory.SearchAsync(learner, string.Concat(Enumerable.Repeat("word ", 2000)));
        var odd = await factory.SearchAsync(learner, "word", "from=yesterday&to=2026-13-45&cohort=not-a-guid&p=-4&mine=maybe");

        Assert.Contains("too long", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("date could not be read", odd.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_come_a_page_at_a_time_with_links_to_the_next()
    {
        var cohort = await factory.OpenCohortAsync("Many results");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Paula Pager"));
        var (_, replies) = await SeededRepliesAsync(cohort, 45, "A pangolin sighting, number {0}.");

        var first = await factory.SearchAsync(learner, "pangolin");
        var third = await factory.SearchAsync(learner, "pangolin", "p=3");

        Assert.Equal(SearchDiscussions.PageSize, SearchFactory.Hits(first).Count);
        Assert.Equal(45 - (2 * SearchDiscussions.PageSize), SearchFactory.Hits(third).Count);
        Assert.Contains("45 results", first.QuerySelector(".search-count")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("p=2", first.QuerySelector("a[rel=next]")!.GetAttribute("href"), StringComparison.Ordinal);
        var all = SearchFactory.HitIds(first).Concat(SearchFactory.HitIds(await factory.SearchAsync(learner, "pangolin", "p=2"))).Concat(SearchFactory.HitIds(third));
        Assert.Equal(replies.Order(), all.Order());
    }

    [Fact]
    public async Task A_word_in_very_many_posts_ranks_a_bounded_number_and_says_there_are_at_least_that_many()
    {
        var cohort = await factory.OpenCohortAsync("Very many results");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Vera Many"));
        await SeededRepliesAsync(cohort, SearchDiscussions.MaxRanked + 5, "A kestrel, again, number {0}.");

        var first = await factory.SearchAsync(learner, "kestrel");
        var last = await factory.SearchAsync(learner, "kestrel", $"p={SearchDiscussions.MaxPage}");
        var beyond = await factory.SearchAsync(learner, "kestrel", $"p={SearchDiscussions.MaxPage + 1}");

        Assert.Contains("At least 1,000 results", first.QuerySelector(".search-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SearchDiscussions.PageSize, SearchFactory.Hits(last).Count);
        Assert.Null(last.QuerySelector("a[rel=next]"));
        Assert.Equal(SearchFactory.HitIds(last), SearchFactory.HitIds(beyond));
    }

    [Fact]
    public async Task Filters_narrow_the_results_to_a_cohort_prompt_author_date_or_my_own_posts()
    {
        var cohort = await factory.OpenCohortAsync("Filtered");
        var other = await factory.OpenCohortAsync("Filtered too");
        var ulla = await factory.LearnerAsync(cohort, "Ulla Umbrella");
        await factory.CohortMemberAsync(other, ulla, CohortRole.Learner);
        var vicUser = await factory.LearnerAsync(cohort, "Vic Victor");
        var early = await factory.WriteReflectionAsync(await factory.CreateClientAsAsync(ulla), cohort, "Umbrella policy, early.", prompt: 0);
        // Three days on, sessions signed in before have ended: both sign in again.
        factory.Clock.Advance(TimeSpan.FromDays(3));
        var ullaClient = await factory.CreateClientAsAsync(ulla);
        var vic = await factory.CreateClientAsAsync(vicUser);
        var late = await factory.WriteReflectionAsync(vic, cohort, "Umbrella policy, later.", prompt: 1);
        var elsewhere = await factory.WriteReflectionAsync(ullaClient, other, "Umbrella policy elsewhere.", prompt: 0);
        // The dates are the institution's (Europe/Brussels), as the page reads them for someone without a zone of their own.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(factory.A.TimeZoneId)).DateTime);

        async Task<IReadOnlyList<Guid>> Find(string filters) => [.. SearchFactory.HitIds(await factory.SearchAsync(ullaClient, "umbrella", filters)).Order()];

        Assert.Equal(new[] { early, late }.Order(), await Find($"cohort={cohort.Id}"));
        Assert.Equal(new[] { early, elsewhere }.Order(), await Find($"prompt={factory.Prompts[0].Id}"));
        Assert.Equal([late], await Find("author=victor"));
        Assert.Equal([late], await Find("author=Victr"));
        Assert.Equal(new[] { early, elsewhere }.Order(), await Find("mine=true"));
        Assert.Equal(new[] { late, elsewhere }.Order(), await Find($"from={today:yyyy-MM-dd}"));
        Assert.Equal([early], await Find($"to={today.AddDays(-1):yyyy-MM-dd}"));
        // The institution is en-GB: its people type day first, and the form gives the date back the same way.
        var british = today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new[] { late, elsewhere }.Order(), await Find($"from={Uri.EscapeDataString(british)}"));
        var form = await factory.SearchAsync(ullaClient, "umbrella", $"from={today:yyyy-MM-dd}");
        Assert.Equal(british, form.QuerySelector("#search-from")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_phrase_in_quotes_keeps_its_word_order()
    {
        var cohort = await factory.OpenCohortAsync("Phrases");
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pia Phrase"));
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Paavo Phrase"));
        var inOrder = await factory.WriteReflectionAsync(learner, cohort, "The quayside ferry timetable changed twice.");
        var reversed = await factory.ReplyAsync(peer, cohort, inOrder, "A ferry for the quayside market was never late.");

        var phrase = await factory.SearchAsync(learner, "\"quayside ferry\"");
        var words = await factory.SearchAsync(learner, "quayside ferry");

        Assert.Equal([inOrder], SearchFactory.HitIds(phrase));
        Assert.Equal(new[] { inOrder, reversed }.Order(), SearchFactory.HitIds(words).Order());
    }

    [Fact]
    public async Task A_minus_leaves_the_word_out_in_every_language_also_after_or_and_among_close_matches()
    {
        var cohort = await factory.OpenCohortAsync("Minus");
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Mira Minus"));
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Matti Minus"));
        var kept = await factory.WriteReflectionAsync(learner, cohort, "The quayside market sold smoked fish.");
        var left = await factory.ReplyAsync(peer, cohort, kept, "The quayside timetable was printed on paper.");

        // English reads "printed" as 'print', Finnish and the others as 'printed': neither reading may let the reply in.
        Assert.Equal([kept], SearchFactory.HitIds(await factory.SearchAsync(learner, "quayside -printed")));
        Assert.Equal([kept], SearchFactory.HitIds(await factory.SearchAsync(learner, "quayside -prints")));
        Assert.Equal([kept], SearchFactory.HitIds(await factory.SearchAsync(learner, "harbour or quayside -\"printed on\"")));
        Assert.Equal([kept], SearchFactory.HitIds(await factory.SearchAsync(learner, "quayside or -printed")));
        var close = await factory.SearchAsync(learner, "quaysde -printed");
        Assert.Equal([kept], SearchFactory.HitIds(close));
        Assert.Contains("No exact matches", close.QuerySelector(".search-count")!.TextContent, StringComparison.Ordinal);
        var onlyMinus = SearchFactory.Hits(await factory.SearchAsync(learner, "-printed"));
        Assert.Contains(("Reflection", kept), onlyMinus);
        Assert.DoesNotContain(("Reply", left), onlyMinus);
        Assert.Equal(new[] { kept, left }.Order(), SearchFactory.HitIds(await factory.SearchAsync(learner, "quayside")).Order());
    }

    [Fact]
    public async Task Splitting_off_the_left_out_words_reads_generated_queries_as_websearch_to_tsquery_does()
    {
        // Queries put together from words, phrases' quotes, minuses, the characters the tsquery syntax knows and "or",
        // each matched against every text of up to three of the words: the split (SearchTerms) must match exactly what
        // PostgreSQL's own reading matches, except where "or" meets a minus, which it reads on purpose differently.
        var random = new Random(20261208);
        string[] pieces = ["alpha", "beta", "gamma", "co-op", "or", "OR", "orbit", "-", "--", "\"", " ", " ", " ", "!", "(", ")", "<", "&", "|", "'", "\\", ":", "*", "_", "."];
        var queries = Enumerable.Range(0, 4000)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 10)).Select(_ => pieces[random.Next(pieces.Length)])))
            .Distinct()
            .ToArray();
        var terms = queries.Select(SearchTerms.Read).ToArray();
        string[] words = ["alpha", "beta", "gamma", "co-op", "orbit"];
        IEnumerable<string> Texts(int length) => length == 0 ? [""] : Texts(length - 1).SelectMany(t => words.Select(w => (t + " " + w).Trim()));
        var texts = Enumerable.Range(0, 4).SelectMany(Texts).ToArray();

        var (compared, different) = await factory.QueryAsync(async db =>
        {
            var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                WITH q AS (
                    SELECT t.query, websearch_to_tsquery('simple', t.read) AS original,
                           websearch_to_tsquery('simple', t.wanted) AS wanted,
                           websearch_to_tsquery('simple', coalesce(t.unwanted, '')) AS unwanted
                    FROM unnest(@queries, @read, @wanted, @unwanted) AS t(query, read, wanted, unwanted)
                ),
                compared AS (SELECT * FROM q WHERE numnode(original) > 0 AND NOT (original::text LIKE '%|%' AND original::text LIKE '%!%'))
                SELECT (SELECT count(*) FROM compared),
                       (SELECT string_agg(DISTINCT q.query, ' ⁞ ')
                        FROM compared q CROSS JOIN (SELECT to_tsvector('simple', x) AS v FROM unnest(@texts) AS x) d
                        WHERE (d.v @@ q.original) IS DISTINCT FROM
                              ((numnode(q.wanted) = 0 OR d.v @@ q.wanted) AND (numnode(q.unwanted) = 0 OR NOT d.v @@ q.unwanted)))
                """;
            command.Parameters.AddWithValue("queries", queries);
            command.Parameters.AddWithValue("read", terms.Select(t => t.AsRead).ToArray());
            command.Parameters.AddWithValue("wanted", terms.Select(t => t.Wanted).ToArray());
            command.Parameters.AddWithValue("unwanted", terms.Select(t => t.Unwanted ?? "").ToArray());
            command.Parameters.AddWithValue("texts", texts);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        });

        Assert.True(compared > 2000, $"Only {compared} generated queries had words to compare.");
        Assert.True(different is null, different);
    }

    [Fact]
    public async Task A_snippet_shows_the_post_as_its_page_does_not_its_Markdown()
    {
        var cohort = await factory.OpenCohortAsync("Snippets");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Saga Snippet"));
        var reflection = await factory.WriteReflectionAsync(learner, cohort,
            "The **harbourmaster** read [the plan](https://example.org/plan) & said: *x < y*.\n\n- a list item");

        var page = await factory.SearchAsync(learner, "harbourmaster");

        Assert.Equal([reflection], SearchFactory.HitIds(page));
        var snippet = page.QuerySelector("li.search-hit .snippet")!;
        Assert.Equal(["harbourmaster"], snippet.QuerySelectorAll("mark").Select(m => m.TextContent).ToArray());
        Assert.Equal("The harbourmaster read the plan & said: x < y. a list item", SearchFactory.SnippetText(snippet));
    }

    [Fact]
    public async Task A_module_texts_snippet_keeps_its_words_apart_where_the_HTML_breaks_a_line_or_a_cell()
    {
        var (institution, learnerUser, _) = await factory.InstitutionWithAPostAsync("snippet-html", "A post.");
        await factory.InInstitutionAsync(institution.Id, (_, db) => db.Modules.ExecuteUpdateAsync(s => s.SetProperty(m => m.BodyHtml,
            "<h2>Lighthouses</h2><p>Keep<em>ing</em> the <a href=\"#log\">log</a>.</p><table><tr><td>one</td><td>two</td></tr></table><ul><li>three</li><li>four &amp; five</li></ul>")));
        var learner = await factory.CreateClientAsAsync(learnerUser);

        var page = await learner.GetDocumentAsync("/snippet-html/search?q=lighthouse");

        var snippet = Assert.Single(page.QuerySelectorAll("li.search-hit[data-kind=Module] .snippet"));
        Assert.Equal("Lighthouses Keeping the log. one two three four & five", SearchFactory.SnippetText(snippet));
    }

    [Fact]
    public async Task A_word_with_a_typo_finds_close_matches_and_says_so()
    {
        var cohort = await factory.OpenCohortAsync("Typos");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Tina Typo"));
        var reflection = await factory.WriteReflectionAsync(learner, cohort, "Participatory budgeting changed the neighbourhood.");

        var page = await factory.SearchAsync(learner, "neigbourhood");

        Assert.Equal([reflection], SearchFactory.HitIds(page));
        Assert.Contains("No exact matches", page.QuerySelector(".search-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_runs_the_same_few_statements_for_few_and_many_matches_and_one_more_for_close_ones()
    {
        var cohort = await factory.OpenCohortAsync("Statements");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Stella Statements"));
        await SeededRepliesAsync(cohort, 3, "Rare ocelot {0}.");
        await SeededRepliesAsync(cohort, 300, "Common otter {0}.");
        await factory.SearchAsync(learner, "ocelot");

        factory.Commands.Reset();
        var rare = await factory.SearchAsync(learner, "ocelot");
        var rareCount = factory.Commands.Count;
        factory.Commands.Reset();
        var common = await factory.SearchAsync(learner, "otter", "p=2");
        var commonCount = factory.Commands.Count;
        factory.Commands.Reset();
        var typo = await factory.SearchAsync(learner, "ocellot");
        var typoCount = factory.Commands.Count;

        Assert.Equal(3, SearchFactory.Hits(rare).Count);
        Assert.Equal(SearchDiscussions.PageSize, SearchFactory.Hits(common).Count);
        Assert.Equal(rareCount, commonCount);
        Assert.Equal(3, SearchFactory.Hits(typo).Count);
        Assert.Contains("No exact matches", typo.QuerySelector(".search-count")!.TextContent, StringComparison.Ordinal);
        // The institution for row-level security, the scope with the header's badge, the filters' modules and the
        // results; the look for close matches only when the words matched nothing.
        Assert.Equal(rareCount + 1, typoCount);
        Assert.True(typoCount <= 5, $"A search with no exact match ran {typoCount} SQL statements.");
    }

    private Task<(Guid Reflection, IReadOnlyList<Guid> Replies)> SeededRepliesAsync(Cohort cohort, int count, string body) =>
        factory.QueryAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            var reflection = new Reflection { CohortId = cohort.Id, PromptId = factory.Prompts[2].Id, BodySource = "Seed", BodyHtml = "<p>Seed</p>", CreatedAt = now, LastActivityAt = now };
            db.Reflections.Add(reflection);
            var replies = new List<Guid>();
            for (var i = 0; i < count; i++)
            {
                var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, body, i);
                var reply = new Reply
                {
                    ReflectionId = reflection.Id,
                    Path = Reply.PathSegment(i + 1),
                    BodySource = text,
                    BodyHtml = $"<p>{text}</p>",
                    CreatedAt = now,
                };
                db.Replies.Add(reply);
                replies.Add(reply.Id);
            }
            await db.SaveChangesAsync();
            return (reflection.Id, (IReadOnlyList<Guid>)replies);
        });
}
