using CoSie.Platform.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CoSie.Platform.IntegrationTests.ScaleOut;

// Another instance of the app on the first one's database: its own container, SignalR and job server.
public sealed class ScaleOutPeer : PlatformFactory
{
    private readonly string _name;

    public ScaleOutPeer(string database, string name, DateTimeOffset now) : base(database)
    {
        _name = name;
        Clock.SetUtcNow(now);
        UseKestrel(0);
    }

    public Uri ServerAddress { get; private set; } = null!;

    public async Task<ScaleOutPeer> StartAsync()
    {
        await InitializeAsync();
        StartServer();
        ServerAddress = ClientOptions.BaseAddress;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ScaleOutHosting.Configure(builder, _name);
    }
}
