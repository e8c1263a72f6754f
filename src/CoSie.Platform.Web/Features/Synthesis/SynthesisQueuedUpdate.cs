namespace CoSie.Platform.Web.Features.Synthesis;

// A live update that was checked and relayed, waiting in its synthesis's lane to be stored. Stored completes with what
// storing it came to; its sender's hub call waits for that, so a sender hears "accepted" only once the update is saved.
public sealed class SynthesisQueuedUpdate(Guid userId, byte[] update, IReadOnlyList<long> clients)
{
    public Guid UserId { get; } = userId;

    public byte[] Update { get; } = update;

    public IReadOnlyList<long> Clients { get; } = clients;

    // How often it came back as missing-history (see SynthesisLiveWriter).
    public int Attempts { get; set; }

    public TaskCompletionSource<SynthesisResult> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
