using CoSie.Platform.IntegrationTests.Discussions;

namespace CoSie.Platform.IntegrationTests.Security;

// The discussion app on a real loopback port, so that a request is answered as Kestrel answers it: its own limit on
// bodies (30 MB unless told otherwise), its draining of a body the app did not read, its chunked framing.
public sealed class RealPortFactory : DiscussionFactory
{
    public RealPortFactory() => UseKestrel(0);

    public Uri ServerAddress { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        ServerAddress = ClientOptions.BaseAddress;
    }
}
