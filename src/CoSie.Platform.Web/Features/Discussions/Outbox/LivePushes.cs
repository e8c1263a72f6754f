using System.Threading.Channels;
using CoSie.Platform.Web.Features.Discussions.Live;
using CoSie.Platform.Web.Tenancy;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Discussions.Outbox;

// A delivered outbox entry's pushes: the thread event to the thread's pages, and the badges of the people notified.
public sealed record ThreadPush(Guid InstitutionId, Guid ReflectionId, long? EventSequence, IReadOnlyList<Guid> BadgeUserIds);

// The bounded queue between the outbox and SignalR. Nothing that writes waits on it: when it is full the oldest push
// is dropped (its event is in the database, and a page that missed a sequence number catches up from there), and a
// slow connection holds up only this queue's sender, never a post. The sender takes what has gathered at once and
// coalesces it: one render per thread for all of its new events, one badge count per person.
public sealed class LivePushes : BackgroundService
{
    private readonly TenantScopes _scopes;
    private readonly InstitutionDirectory _institutions;
    private readonly ILogger<LivePushes> _logger;
    private readonly Channel<ThreadPush> _queue;
    private long _dropped;

    public LivePushes(TenantScopes scopes, InstitutionDirectory institutions, IOptions<DiscussionOptions> options, ILogger<LivePushes> logger)
    {
        _scopes = scopes;
        _institutions = institutions;
        _logger = logger;
        _queue = Channel.CreateBounded<ThreadPush>(
            new BoundedChannelOptions(options.Value.PushQueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    public void Enqueue(ThreadPush push) => _queue.Writer.TryWrite(push);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reported = 0L;
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            var gathered = new List<ThreadPush>();
            while (gathered.Count < 1_000 && _queue.Reader.TryRead(out var push))
            {
                gathered.Add(push);
            }
            if (Interlocked.Read(ref _dropped) is var dropped && dropped != reported)
            {
                _logger.LogWarning("The push queue was full: {Dropped} pushes dropped so far; pages catch up from the thread's events", dropped);
                reported = dropped;
            }
            foreach (var institution in gathered.GroupBy(p => p.InstitutionId))
            {
                await SendAsync(institution.Key, institution.ToList(), stoppingToken);
            }
        }
    }

    private async Task SendAsync(Guid institutionId, List<ThreadPush> work, CancellationToken cancellationToken)
    {
        try
        {
            if (await _institutions.FindByIdAsync(institutionId, cancellationToken) is not { } institution)
            {
                return;
            }
            await using var scope = _scopes.Enter(institution);
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var broadcaster = scope.ServiceProvider.GetRequiredService<DiscussionBroadcaster>();
            foreach (var thread in work.Where(w => w.EventSequence is not null).GroupBy(w => w.ReflectionId))
            {
                var sequences = thread.Select(w => w.EventSequence!.Value).ToList();
                var events = await db.ThreadEvents.AsNoTracking()
                    .Where(e => e.ReflectionId == thread.Key && sequences.Contains(e.Sequence))
                    .OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
                await broadcaster.PublishAsync(events, cancellationToken);
            }
            var badges = work.SelectMany(w => w.BadgeUserIds).Distinct().ToList();
            await broadcaster.NotifyAsync(badges, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Could not push discussion events; pages catch up when they reconnect");
        }
    }
}
