namespace CoSie.Platform.Bench;

// Durations in seconds; FanoutConnections readers spread over FanoutThreads threads (--fanout-connections, --fanout-threads); each wrk figure is the median of Repeats runs. SearchPosts: the replies of the search scenario's
// cohort (--search-posts N; 1,000,000 in a full run). InsightMembers and InsightPosts: the insight scenario's cohort. SettleLoad and SettleSeconds: before each timed scenario the
// bench waits up to SettleSeconds for the 1-minute load average to fall below SettleLoad (--settle-load, --settle-seconds).
public sealed record BenchSettings(
    bool Quick, int Duration, int Repeats, int[] ConnectionSteps, int ListSize, int FanoutConnections, int FanoutReplies, int FanoutThreads,
    int SoakMembers, int SoakLiveConnections, int SoakSeconds, int[] DigestSizes, int DigestPosts, string MicrobenchJob, int SearchPosts,
    int PostCostReplies, double SettleLoad, int SettleSeconds, int InsightMembers, int InsightPosts);
