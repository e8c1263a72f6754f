using System.Collections.Concurrent;
using System.Text.Json;
using CoSie.Platform.Web.Hosting;
using StackExchange.Redis;

namespace CoSie.Platform.Web.Features.Synthesis;

// Who is editing which section, per connection. Presence is transient: a connection that ends takes its entry with it.
// One instance keeps it in memory. Several instances (Redis:Connection) also keep it in Redis, one hash per synthesis
// with a field per connection, so that each lists the editors connected to any of them. Each field says when it lapses;
// the instance holding the connection renews its fields every RenewEvery, so those of an instance that stopped without
// saying goodbye lapse within Lifetime. Without Redis for a moment, each instance lists the editors it holds.
public sealed class SynthesisPresence(ScaleOutRedis scaleOut, TimeProvider clock, ILogger<SynthesisPresence> logger) : BackgroundService
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(90);
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<(string Group, Guid SynthesisId, string Connection), SynthesisEditor> _editors = new();

    public static RedisKey KeyOf(Guid synthesisId) => $"{ScaleOutSettings.RedisChannelPrefix}:synthesis-presence:{synthesisId:N}";

    public async Task<IReadOnlyList<SynthesisEditor>> SetAsync(string group, Guid synthesisId, string connectionId, SynthesisEditor? editor)
    {
        if (editor is null)
        {
            _editors.TryRemove((group, synthesisId, connectionId), out _);
        }
        else
        {
            _editors[(group, synthesisId, connectionId)] = editor;
        }
        await SharedAsync(async redis =>
        {
            var database = redis.GetDatabase();
            if (editor is null)
            {
                await database.HashDeleteAsync(KeyOf(synthesisId), FieldOf(connectionId));
            }
            else
            {
                await WriteAsync(database, synthesisId, connectionId, editor);
            }
        });
        return await OfAsync(synthesisId);
    }

    public async Task<IReadOnlyList<SynthesisEditor>> OfAsync(Guid synthesisId)
    {
        IReadOnlyList<SynthesisEditor>? shared = null;
        await SharedAsync(async redis =>
        {
            var database = redis.GetDatabase();
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var editors = new List<SynthesisEditor>();
            var lapsed = new List<RedisValue>();
            foreach (var field in await database.HashGetAllAsync(KeyOf(synthesisId)))
            {
                if (Read(field.Value) is { } entry && entry.Until > now)
                {
                    editors.Add(new SynthesisEditor(entry.Name, entry.Section));
                }
                else
                {
                    lapsed.Add(field.Name);
                }
            }
            if (lapsed.Count > 0)
            {
                await database.HashDeleteAsync(KeyOf(synthesisId), [.. lapsed], CommandFlags.FireAndForget);
            }
            shared = Ordered(editors);
        });
        return shared ?? Ordered(_editors.Where(e => e.Key.SynthesisId == synthesisId).Select(e => e.Value));
    }

    public async Task<IReadOnlyList<(string Group, Guid SynthesisId)>> LeaveAsync(string connectionId)
    {
        var left = _editors.Keys.Where(k => k.Connection == connectionId).ToList();
        foreach (var key in left)
        {
            _editors.TryRemove(key, out _);
        }
        if (left.Count > 0)
        {
            await SharedAsync(async redis =>
            {
                var database = redis.GetDatabase();
                foreach (var key in left)
                {
                    await database.HashDeleteAsync(KeyOf(key.SynthesisId), FieldOf(connectionId));
                }
            });
        }
        return left.Select(k => (k.Group, k.SynthesisId)).ToList();
    }

    // Renews this instance's fields, so that they outlive RenewEvery and only those of a stopped instance lapse.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!scaleOut.IsConfigured)
        {
            return;
        }
        using var timer = new PeriodicTimer(RenewEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await SharedAsync(async redis =>
            {
                var database = redis.GetDatabase();
                foreach (var (key, editor) in _editors)
                {
                    await WriteAsync(database, key.SynthesisId, key.Connection, editor);
                }
            });
        }
    }

    private async Task WriteAsync(IDatabase database, Guid synthesisId, string connectionId, SynthesisEditor editor)
    {
        var until = (clock.GetUtcNow() + Lifetime).ToUnixTimeMilliseconds();
        var key = KeyOf(synthesisId);
        var batch = database.CreateBatch();
        var set = batch.HashSetAsync(key, FieldOf(connectionId), JsonSerializer.Serialize(new Entry(editor.Name, editor.Section, until)));
        // The hash of a synthesis nobody edits any more goes too.
        var expire = batch.KeyExpireAsync(key, Lifetime);
        batch.Execute();
        await Task.WhenAll(set, expire);
    }

    private async Task SharedAsync(Func<ConnectionMultiplexer, Task> work)
    {
        try
        {
            if (await scaleOut.ConnectAsync() is { IsConnected: true } redis)
            {
                await work(redis);
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException or JsonException)
        {
            logger.LogWarning(e, "Synthesis presence could not reach Redis; this instance lists the editors it holds");
        }
    }

    private string FieldOf(string connectionId) => $"{_instance}:{connectionId}";

    private static Entry? Read(RedisValue value)
    {
        try
        {
            return value.HasValue ? JsonSerializer.Deserialize<Entry>(value.ToString()) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<SynthesisEditor> Ordered(IEnumerable<SynthesisEditor> editors) =>
        editors.OrderBy(e => e.Name, StringComparer.CurrentCulture).ThenBy(e => e.Section, StringComparer.Ordinal).ToList();

    private sealed record Entry(string Name, string Section, long Until);
}
