using System.Text.Json;
using CoSie.Platform.Web.Web;
using StackExchange.Redis;

namespace CoSie.Platform.Web.Features.Discussions;

// With several app instances, a person's live connections may sit on any of them, and only the instance that holds
// a connection can take it out of a group or end it. Cut-offs made on one instance travel to the others over Redis
// (the connection the SignalR backplane uses, Redis:Connection); one instance alone relays nothing.
public sealed class LiveCutOffRelay(IConfiguration configuration, IServiceProvider services, ILogger<LiveCutOffRelay> logger)
    : IHostedService, IAsyncDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal($"{ScaleOutSettings.RedisChannelPrefix}:live-cut-off");
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private ConnectionMultiplexer? _redis;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration[ScaleOutSettings.RedisConnection] is not { Length: > 0 } connection)
        {
            return;
        }
        var options = ConfigurationOptions.Parse(connection);
        // Keep trying in the background when Redis is not there yet, as the backplane does, rather than fail start-up.
        options.AbortOnConnectFail = false;
        _redis = await ConnectionMultiplexer.ConnectAsync(options);
        await _redis.GetSubscriber().SubscribeAsync(Channel, (channel, value) => _ = ReceiveAsync(value));
    }

    public async Task PublishAsync(LiveCutOff cutOff)
    {
        if (_redis is null)
        {
            return;
        }
        try
        {
            await _redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(new Envelope(_instance, cutOff)));
        }
        catch (Exception e)
        {
            // The other instances' hub filter still re-checks the account on every call of those connections.
            logger.LogWarning(e, "Could not relay a live cut-off for {UserId} to the other instances", cutOff.UserId);
        }
    }

    private async Task ReceiveAsync(RedisValue value)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(value.ToString());
            if (envelope is null || envelope.Instance == _instance)
            {
                return;
            }
            await services.GetRequiredService<LiveConnections>().ApplyAsync(envelope.CutOff);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not apply a live cut-off relayed by another instance");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    private sealed record Envelope(string Instance, LiveCutOff CutOff);
}
