using CoSie.Platform.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CoSie.Platform.IntegrationTests.Discussions;

public sealed class PromptPagingTests(PromptPagingTests.SmallListFactory factory) : IClassFixture<PromptPagingTests.SmallListFactory>
{
    [Fact]
    public async Task A_long_list_of_reflections_is_read_a_page_at_a_time_and_every_one_is_reachable()
    {
        var cohort = await factory.OpenCohortAsync("Paged list");
        var clients = new List<HttpClient>();
        var written = new List<Guid>();
        foreach (var name in new[] { "Anni First", "Benni Second", "Cecilia Third", "Daavid Fourth", "Eeva Fifth" })
        {
            var client = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, name));
            clients.Add(client);
            written.Add(await factory.WriteReflectionAsync(client, cohort, $"Reflection by {name}."));
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var newestFirst = Enumerable.Reverse(written).ToList();
        var reader = clients[^1];
        var url = factory.PromptUrl(cohort);

        var first = await reader.GetDocumentAsync(url);
        var second = await reader.GetDocumentAsync(url + "?sort=newest&page=2");
        var third = await reader.GetDocumentAsync(url + "?sort=newest&page=3");
        var beyond = await reader.GetDocumentAsync(url + "?page=9");

        Assert.Equal(newestFirst.Take(2), Listed(first));
        Assert.Equal(newestFirst.Skip(2).Take(2), Listed(second));
        Assert.Equal(newestFirst.Skip(4), Listed(third));
        Assert.Null(first.QuerySelector(".pagination a[rel=prev]"));
        Assert.Equal("?sort=newest&page=2", first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("?sort=newest&page=2", third.QuerySelector(".pagination a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(third.QuerySelector(".pagination a[rel=next]"));
        Assert.Empty(Listed(beyond));
        Assert.Contains("There are no reflections on this page.", beyond.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);

        // The order the person chose carries over to the other pages.
        var discussed = await reader.GetDocumentAsync(url + "?sort=discussed");
        Assert.Equal("?sort=discussed&page=2", discussed.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Someone_whose_reflection_is_on_a_later_page_is_not_offered_to_write_another()
    {
        var cohort = await factory.OpenCohortAsync("Own on a later page");
        var early = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Elli Early"));
        await factory.WriteReflectionAsync(early, cohort, "Written first, listed last.");
        foreach (var name in new[] { "Lauri Later", "Minna Later", "Niko Later" })
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            await factory.WriteReflectionAsync(await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, name)), cohort, $"By {name}.");
        }

        var page = await early.GetDocumentAsync(factory.PromptUrl(cohort));

        Assert.DoesNotContain(page.QuerySelectorAll(".reflection-summary .post-author"), a => a.TextContent == "Elli Early");
        Assert.Null(page.QuerySelector("#reflection-form"));
    }

    private static List<Guid> Listed(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".reflection-summary").Select(li => Guid.Parse(li.GetAttribute("data-reflection-id")!)).ToList();

    public sealed class SmallListFactory : DiscussionFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Discussions:ReflectionsPerPage", "2");
        }
    }
}
