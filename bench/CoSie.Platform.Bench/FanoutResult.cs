namespace CoSie.Platform.Bench;

// Latencies in ms; memory in MB: before the clients connect, once they are connected, after the replies, and the
// peak from the moment they started connecting. Lost: connections that ended while the replies were delivered.
public sealed record FanoutResult(
    int Connections, int Threads, int Replies, long Delivered, long Expected, double P50, double P95, double P99,
    double RssBeforeMb, double RssConnectedMb, double RssAfterMb, double PeakMb, int Lost);
