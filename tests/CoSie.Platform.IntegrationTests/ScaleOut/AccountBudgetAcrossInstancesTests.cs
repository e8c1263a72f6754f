using System.Globalization;
using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Features.Account;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CoSie.Platform.IntegrationTests.ScaleOut;

// Two instances of the app over one database, as replicas behind a load balancer, both connected as the app's own
// role: a client address has one account-form budget, whichever instance its forms reach.
public sealed class AccountBudgetAcrossInstancesTests(AccountBudgetAcrossInstancesTests.Factory factory)
    : IClassFixture<AccountBudgetAcrossInstancesTests.Factory>
{
    private const int PerMinute = 4;

    public sealed class Factory : AppRolePlatformFactory
    {
        public Instance Other { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Other = new Instance(Database);
            await Other.InitializeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:AccountFormsPerMinute", PerMinute.ToString(CultureInfo.InvariantCulture));
        }

        public override async ValueTask DisposeAsync()
        {
            if (Other is not null)
            {
                await ((IAsyncLifetime)Other).DisposeAsync();
            }
            await base.DisposeAsync();
        }
    }

    public sealed class Instance(string database) : PlatformFactory(database)
    {
        protected override string AppConnectionString => TestDatabases.AppRoleConnectionStringFor(Database);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:AccountFormsPerMinute", PerMinute.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static HttpClient From(PlatformFactory instance, string address)
    {
        var client = instance.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, int attempt) =>
        client.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = $"nobody-{attempt}@instances.test",
            ["Input.Password"] = "not anyone's password",
        });

    [Fact]
    public async Task Forms_sent_to_either_instance_spend_one_budget()
    {
        using var onA = From(factory, "203.0.113.40");
        using var onB = From(factory.Other, "203.0.113.40");

        for (var attempt = 0; attempt < PerMinute; attempt++)
        {
            using var accepted = await SignInAsync(attempt % 2 == 0 ? onA : onB, attempt);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
        using var refusedOnA = await SignInAsync(onA, PerMinute);
        using var refusedOnB = await SignInAsync(onB, PerMinute + 1);

        Assert.Equal(HttpStatusCode.TooManyRequests, refusedOnA.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedOnB.StatusCode);
        Assert.InRange(refusedOnB.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal("Slow down", (await refusedOnB.ParseAsync()).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_IPv6_client_spends_the_budget_of_its_64_on_both_instances()
    {
        using var onA = From(factory, "2001:db8:40:1::1");
        using var onB = From(factory.Other, "2001:db8:40:1:ffff::2");

        for (var attempt = 0; attempt < PerMinute; attempt++)
        {
            using var accepted = await SignInAsync(attempt % 2 == 0 ? onA : onB, attempt);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
        using var elsewhere = From(factory.Other, "2001:db8:40:2::1");
        using var refused = await SignInAsync(onB, PerMinute);
        using var otherClient = await SignInAsync(elsewhere, PerMinute);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
    }

    [Fact]
    public async Task Without_the_database_the_budget_lets_forms_through()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:Default", "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2")])
            .Build();
        var budgets = new AccountFormBudgets(new DatabaseConnections(configuration), new FakeTimeProvider(), NullLogger<AccountFormBudgets>.Instance);

        var spend = await budgets.SpendAsync("203.0.113.41", perMinute: 1, CancellationToken.None);

        Assert.True(spend.IsAllowed);
    }
}
