using CoSie.Platform.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CoSie.Platform.IntegrationTests.Discussions;

public sealed class ThreadPageSizeTests(ThreadPageSizeTests.SmallPagesFactory factory) : IClassFixture<ThreadPageSizeTests.SmallPagesFactory>
{
    [Fact]
    public async Task The_number_of_replies_a_page_shows_follows_the_setting()
    {
        var cohort = await factory.OpenCohortAsync("Small pages");
        var (reflectionId, replies) = await factory.SeededThreadAsync(cohort, 10);
        var reader = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Sam Small"));
        var url = factory.ThreadUrl(cohort, reflectionId);

        var first = await reader.GetDocumentAsync(url);
        var second = await reader.GetDocumentAsync($"{url}?page=2");

        Assert.Equal(replies.Take(7), first.QuerySelectorAll("article.post.reply").Select(a => Guid.Parse(a.GetAttribute("data-post-id")!)));
        Assert.Contains("3 more", first.QuerySelector("a.show-more")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(replies.Skip(7), second.QuerySelectorAll("article.post.reply").Select(a => Guid.Parse(a.GetAttribute("data-post-id")!)));
    }

    public sealed class SmallPagesFactory : DiscussionFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Discussions:PageSize", "7");
        }
    }
}
