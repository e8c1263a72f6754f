namespace CoSie.Platform.Bench;

// Requests per second and latency percentiles in milliseconds; Errors counts failed or non-2xx responses.
public sealed record LoadResult(double RequestsPerSecond, double P50, double P95, double P99, long BytesPerResponse, long Errors)
{
    public static LoadResult Median(IReadOnlyList<LoadResult> runs) => new(
        MedianOf(runs.Select(r => r.RequestsPerSecond)),
        MedianOf(runs.Select(r => r.P50)),
        MedianOf(runs.Select(r => r.P95)),
        MedianOf(runs.Select(r => r.P99)),
        runs[0].BytesPerResponse,
        runs.Sum(r => r.Errors));

    public static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
