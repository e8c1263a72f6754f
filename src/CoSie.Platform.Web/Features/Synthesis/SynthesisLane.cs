using System.Collections.Concurrent;
using System.Threading.Channels;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Synthesis;

// One synthesis's live updates on their way to the database (SynthesisLiveWriter), and what this instance knows of the
// synthesis to check an update before relaying it: which person each Yjs client id belongs to, and about how long the
// document is.
public sealed class SynthesisLane(Guid synthesisId, InstitutionInfo institution, int capacity)
{
    private int _length = -1;

    public Guid SynthesisId { get; } = synthesisId;

    public InstitutionInfo Institution { get; } = institution;

    // Bounded: when the database falls behind, senders wait here instead of memory growing without end.
    public Channel<SynthesisQueuedUpdate> Updates { get; } = Channel.CreateBounded<SynthesisQueuedUpdate>(
        new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    // Client id to person (null: an account since deleted), as stored (loaded when first seen) or claimed by an update
    // this instance relayed.
    public ConcurrentDictionary<long, Guid?> Owners { get; } = new();

    // Characters in all sections as last stored, or null before the lane has read it.
    public int? Length
    {
        get => Volatile.Read(ref _length) is var length and >= 0 ? length : null;
        set => Volatile.Write(ref _length, value ?? -1);
    }

    public Task Worker { get; set; } = Task.CompletedTask;
}
