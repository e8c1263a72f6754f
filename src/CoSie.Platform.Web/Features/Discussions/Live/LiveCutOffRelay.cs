using System.Collections.Concurrent;
using System.Text.Json;
using CoSie.Platform.Web.Hosting;
using StackExchange.Redis;

namespace CoSie.Platform.Web.Features.Discussions.Live;

// With several app instances, a person's live connections may sit on any of them, and only the instance that holds
// a connection can take it out of a group or end it. Cut-offs made on one instance travel to the others over Redis
// (the connection the SignalR backplane uses, Redis:Connection); one instance alone relays nothing.
// The end of a person's sessions also makes each instance forget the account's cached stamp (SessionCheck), and waits
// until every other instance has said so: when signing out answers, an old cookie is refused wherever it is replayed.
public sealed class LiveCutOffRelay(ScaleOutRedis scaleOut, IServiceProvider services, SessionCheck sessions, ILogger<LiveCutOffRelay> logger)
    : IHostedService
{
    // How long the end of a session waits for the other instances; one that does not answer in time is logged.
    public static readonly TimeSpan ConfirmationTimeout = TimeSpan.FromSeconds(2);

    private static readonly RedisChannel Channel = RedisChannel.Literal($"{ScaleOutSettings.RedisChannelPrefix}:live-cut-off");
    private static readonly RedisChannel Confirmations = RedisChannel.Literal($"{ScaleOutSettings.RedisChannelPrefix}:live-cut-off-done");
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<Guid, Confirmation> _waiting = new();
    private ConnectionMultiplexer? _redis;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _redis = await scaleOut.ConnectAsync();
        if (_redis is null)
        {
            return;
        }
        // Without the subscription, another instance's sign-out would go unheard: until it is back, no stamp is cached.
        _redis.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
            {
                logger.LogWarning(e.Exception, "Lost the relay's Redis subscription; sessions are checked against the database until it is back");
                sessions.Trust(false);
            }
        };
        _redis.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
            {
                sessions.Trust(true);
            }
        };
        if (!_redis.IsConnected)
        {
            sessions.Trust(false);
        }
        var subscriber = _redis.GetSubscriber();
        await subscriber.SubscribeAsync(Channel, (channel, value) => _ = ReceiveAsync(value));
        await subscriber.SubscribeAsync(Confirmations, (channel, value) => Confirm(value));
    }

    public async Task PublishAsync(LiveCutOff cutOff)
    {
        if (_redis is null)
        {
            return;
        }
        var confirmationId = cutOff.EndSession ? Guid.NewGuid() : (Guid?)null;
        var confirmation = confirmationId is { } waitFor ? _waiting[waitFor] = new Confirmation() : null;
        try
        {
            var receivers = await _redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(new Envelope(_instance, cutOff, confirmationId)));
            // Redis counts the instances subscribed when it delivered the message, this one among them.
            if (confirmation is not null && !await confirmation.AwaitAsync(receivers - 1, ConfirmationTimeout))
            {
                logger.LogWarning("Not every instance confirmed the end of the sessions of {UserId} within {Timeout}", cutOff.UserId, ConfirmationTimeout);
            }
        }
        catch (Exception e)
        {
            // The other instances' hub filter still re-checks the account on every call of those connections, and their
            // cached stamps expire within SessionCheck.Lifetime.
            logger.LogWarning(e, "Could not relay a live cut-off for {UserId} to the other instances", cutOff.UserId);
        }
        finally
        {
            if (confirmationId is { } waited)
            {
                _waiting.TryRemove(waited, out _);
            }
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
            if (envelope.ConfirmationId is { } id && _redis is not null)
            {
                await _redis.GetSubscriber().PublishAsync(Confirmations, JsonSerializer.Serialize(new Done(envelope.Instance, id)));
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not apply a live cut-off relayed by another instance");
        }
    }

    private void Confirm(RedisValue value)
    {
        try
        {
            if (JsonSerializer.Deserialize<Done>(value.ToString()) is { } done && done.Instance == _instance
                && _waiting.TryGetValue(done.ConfirmationId, out var confirmation))
            {
                confirmation.Received();
            }
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Could not read a confirmation relayed by another instance");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed record Envelope(string Instance, LiveCutOff CutOff, Guid? ConfirmationId = null);

    // Instance is the one that published the cut-off and waits.
    private sealed record Done(string Instance, Guid ConfirmationId);

    // Confirmations may arrive before Redis has said how many to expect.
    private sealed class Confirmation
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _received;
        private long _expected = long.MaxValue;

        public void Received()
        {
            Interlocked.Increment(ref _received);
            Check();
        }

        public async Task<bool> AwaitAsync(long expected, TimeSpan timeout)
        {
            Interlocked.Exchange(ref _expected, expected);
            Check();
            try
            {
                await _all.Task.WaitAsync(timeout);
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }

        private void Check()
        {
            if (Interlocked.Read(ref _received) >= Interlocked.Read(ref _expected))
            {
                _all.TrySetResult();
            }
        }
    }
}
