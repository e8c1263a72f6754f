using CoSie.Platform.IntegrationTests.Infrastructure;
using Npgsql;

namespace CoSie.Platform.IntegrationTests.Search;

// A client that goes away mid-search cancels the request's statements (RequestAborted). The connection that ran the
// cancelled statement must serve the next request correctly: with Npgsql's automatic preparation, which the app used to
// switch on, a later search on it read another statement's result ("Received unexpected backend message DataRow"; in
// the bench, "The required column 'author_name' was not present"), also with cancelled connections closed. One pooled
// connection, so that every search after a cancelled one runs on the same connection, on the app's own connection
// settings; cancelled after a varying few milliseconds, so that some requests are cut while their statements run.
public sealed class SearchUnderCancellationTests(SearchUnderCancellationTests.Factory factory) : IClassFixture<SearchUnderCancellationTests.Factory>
{
    public sealed class Factory : SearchFactory
    {
        protected override string AppConnectionString => new NpgsqlConnectionStringBuilder(base.AppConnectionString)
        {
            MaxPoolSize = 1,
        }.ConnectionString;
    }

    [Fact]
    public async Task Searches_cut_off_by_their_client_leave_no_connection_that_breaks_the_next_search()
    {
        var cohort = await factory.OpenCohortAsync("Cancelled");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Carla Cancel"));
        var reflection = await factory.WriteReflectionAsync(learner, cohort, "The otter workshop with residents.");
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            using (var cut = new CancellationTokenSource(TimeSpan.FromMilliseconds(random.Next(0, 40))))
            {
                try
                {
                    using var response = await learner.GetAsync(factory.SearchUrl(i % 3 == 0 ? "otterr" : "otter workshop"), cut.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }

            var page = await factory.SearchAsync(learner, i % 2 == 0 ? "otter" : "residents");

            Assert.Equal([reflection], SearchFactory.HitIds(page));
        }
    }
}
