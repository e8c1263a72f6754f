namespace CoSie.Platform.Web.Features.Digests;

public sealed class DispatchResult
{
    public int Sent { get; set; }
    public int Skipped { get; set; }
    public int Failed { get; set; }

    // Failed this time, with attempts left.
    public List<(Guid DeliveryId, TimeSpan Delay)> Retry { get; } = [];

    public Exception? LastError { get; set; }
}
