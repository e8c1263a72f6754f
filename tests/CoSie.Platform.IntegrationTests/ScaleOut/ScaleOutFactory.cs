using CoSie.Platform.IntegrationTests.Discussions;
using Microsoft.AspNetCore.Hosting;

namespace CoSie.Platform.IntegrationTests.ScaleOut;

// Two instances of the app on real loopback ports, as two replicas behind a proxy: instance A (this factory, which
// owns the database and seeds the discussion data; its A and B are institutions) and InstanceB, sharing the database
// and the Redis.
public sealed class ScaleOutFactory : DiscussionFactory
{
    public ScaleOutFactory()
    {
        UseKestrel(0);
        // Jobs, Redis and the HTTP clients run on real time; the app's clocks start at it, on every instance alike.
        Clock.SetUtcNow(DateTimeOffset.UtcNow);
    }

    public Uri ServerAddress { get; private set; } = null!;

    public ScaleOutPeer InstanceB { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        ServerAddress = ClientOptions.BaseAddress;
        InstanceB = await StartPeerAsync("B");
    }

    // One more instance; the caller disposes it (stops it) when the test is done with it.
    public Task<ScaleOutPeer> StartPeerAsync(string name) => new ScaleOutPeer(Database, name, Clock.GetUtcNow()).StartAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ScaleOutHosting.Configure(builder, "A");
    }

    public override async ValueTask DisposeAsync()
    {
        if (InstanceB is not null)
        {
            await ((IAsyncLifetime)InstanceB).DisposeAsync();
        }
        await base.DisposeAsync();
    }
}
