using StackExchange.Redis;

namespace CoSie.Platform.Web.Hosting;

// The instance's connection to Redis for its own features (live cut-offs, synthesis presence); SignalR's backplane keeps
// one of its own. Made on first use when Redis:Connection is set; while Redis is not there, it keeps trying in the
// background, as the backplane does, rather than fail the start.
public sealed class ScaleOutRedis(IConfiguration configuration) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ConnectionMultiplexer? _redis;

    public bool IsConfigured => configuration[ScaleOutSettings.RedisConnection] is { Length: > 0 };

    // Null when the app runs as one instance.
    public async Task<ConnectionMultiplexer?> ConnectAsync()
    {
        if (_redis is not null || !IsConfigured)
        {
            return _redis;
        }
        await _gate.WaitAsync();
        try
        {
            if (_redis is null)
            {
                var options = ConfigurationOptions.Parse(configuration[ScaleOutSettings.RedisConnection]!);
                options.AbortOnConnectFail = false;
                _redis = await ConnectionMultiplexer.ConnectAsync(options);
            }
            return _redis;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
        _gate.Dispose();
    }
}
