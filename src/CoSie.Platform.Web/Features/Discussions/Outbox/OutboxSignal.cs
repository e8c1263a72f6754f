using System.Collections.Concurrent;
using System.Threading.Channels;

namespace CoSie.Platform.Web.Features.Discussions.Outbox;

// Wakes this instance's outbox worker after a commit, with the institutions that have new entries. Waking twice
// before the worker looks is one wake.
public sealed class OutboxSignal
{
    private readonly ConcurrentDictionary<Guid, byte> _institutions = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake(Guid institutionId)
    {
        _institutions.TryAdd(institutionId, 0);
        _wake.Writer.TryWrite(true);
    }

    // Waits until woken or until the poll is due; returns the institutions named since the last call.
    public async Task<IReadOnlyList<Guid>> WaitAsync(TimeSpan poll, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(poll);
        try
        {
            await _wake.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll is due.
        }
        var named = new List<Guid>();
        foreach (var id in _institutions.Keys)
        {
            if (_institutions.TryRemove(id, out _))
            {
                named.Add(id);
            }
        }
        return named;
    }
}
