namespace CoSie.Platform.Web.Features.Discussions.Live;

// The answer to JoinThread or CatchUp: admitted or not (and why), the events after the sequence the client
// last saw, and the thread's latest sequence. Reload tells a client that missed too much to reload the page.
public sealed record JoinResult(bool Joined, string? Refusal, long LastSequence, IReadOnlyList<ThreadEventMessage> Missed, bool Reload = false)
{
    public static JoinResult Refused(string reason) => new(false, reason, 0, []);
}
