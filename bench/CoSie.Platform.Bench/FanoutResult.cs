namespace CoSie.Platform.Bench;

public sealed record FanoutResult(int Connections, int Replies, long Delivered, long Expected, double P50, double P95, double P99);
