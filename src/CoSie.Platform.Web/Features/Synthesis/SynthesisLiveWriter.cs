using System.Collections.Concurrent;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Synthesis;

// Live updates are relayed to the other editors as soon as they pass the cheap checks (SynthesisDocuments.ApplyLiveAsync)
// and stored afterwards, here: one lane per synthesis, drained by one worker that takes everything waiting, merges it
// in one Yjs call and stores it in one transaction under the synthesis's row lock (SynthesisDocuments.StoreLiveAsync).
// Under load the waiting updates grow into larger batches instead of a longer queue of single merges.
//
// An update that needs text this instance has not stored yet (missing-history: another instance relayed it and has not
// stored it yet) goes round again a few times before its sender is told. If storing fails, the senders' calls fail:
// their pages sync again and send whatever the server lacks. Stopping the app stops taking updates and stores those
// waiting before it ends.
public sealed class SynthesisLiveWriter(TenantScopes scopes, ILogger<SynthesisLiveWriter> logger) : IHostedService
{
    public const int Capacity = 1_000;
    public const int MaxBatch = 200;
    private const int MaxAttempts = 5;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<Guid, SynthesisLane> _lanes = new();
    private readonly Lock _gate = new();
    private bool _stopping;

    public SynthesisLane LaneOf(Guid synthesisId, InstitutionInfo institution)
    {
        if (_lanes.TryGetValue(synthesisId, out var lane))
        {
            return lane;
        }
        lock (_gate)
        {
            if (_stopping)
            {
                throw new InvalidOperationException("The app is stopping; synthesis updates are not taken.");
            }
            if (!_lanes.TryGetValue(synthesisId, out lane))
            {
                lane = new SynthesisLane(synthesisId, institution, Capacity);
                lane.Worker = Task.Run(() => DrainAsync(lane));
                _lanes[synthesisId] = lane;
            }
            return lane;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _stopping = true;
        }
        foreach (var lane in _lanes.Values)
        {
            lane.Updates.Writer.TryComplete();
        }
        await Task.WhenAll(_lanes.Values.Select(l => l.Worker)).WaitAsync(cancellationToken);
    }

    private async Task DrainAsync(SynthesisLane lane)
    {
        var reader = lane.Updates.Reader;
        var again = new List<SynthesisQueuedUpdate>();
        while (again.Count > 0 || await reader.WaitToReadAsync())
        {
            var batch = new List<SynthesisQueuedUpdate>(again);
            again.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var update))
            {
                batch.Add(update);
            }
            var results = await StoreAsync(lane, batch);
            if (results is null)
            {
                continue;
            }
            for (var i = 0; i < batch.Count; i++)
            {
                if (results[i].Reason == "missing-history" && ++batch[i].Attempts < MaxAttempts && !reader.Completion.IsCompleted)
                {
                    again.Add(batch[i]);
                }
                else
                {
                    batch[i].Stored.TrySetResult(results[i]);
                }
            }
            if (again.Count > 0)
            {
                await Task.Delay(RetryAfter);
            }
        }
    }

    private async Task<IReadOnlyList<SynthesisResult>?> StoreAsync(SynthesisLane lane, List<SynthesisQueuedUpdate> batch)
    {
        try
        {
            await using var scope = scopes.Enter(lane.Institution);
            // Not cancelled by anything: what was relayed is stored, on shutdown too (the host bounds how long that may take).
            return await scope.ServiceProvider.GetRequiredService<SynthesisDocuments>().StoreLiveAsync(lane, batch, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not store {Count} live updates of synthesis {SynthesisId} of institution {Institution}",
                batch.Count, lane.SynthesisId, lane.Institution.Slug);
            foreach (var update in batch)
            {
                update.Stored.TrySetException(new InvalidOperationException("The update could not be stored.", e));
            }
            return null;
        }
    }
}
