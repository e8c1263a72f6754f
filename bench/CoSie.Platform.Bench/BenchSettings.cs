namespace CoSie.Platform.Bench;

// Durations in seconds; each wrk figure is the median of Repeats runs.
public sealed record BenchSettings(
    bool Quick, int Duration, int Repeats, int[] ConnectionSteps, int ListSize, int FanoutConnections, int FanoutReplies,
    int SoakMembers, int SoakLiveConnections, int SoakSeconds, int[] DigestSizes, int DigestPosts, string MicrobenchJob);
