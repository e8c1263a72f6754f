namespace CoSie.Platform.Web.Features.Digests;

public sealed class DispatchResult
{
    public int Sent { get; set; }
    public int Skipped { get; set; }
    public int Failed { get; set; }

    // Taken over by another worker after this one's lease ran out; that worker sends them.
    public int Lost { get; set; }

    // Failed this time, with attempts left.
    public List<(Guid DeliveryId, TimeSpan Delay)> Retry { get; } = [];

    public Exception? LastError { get; set; }
}
