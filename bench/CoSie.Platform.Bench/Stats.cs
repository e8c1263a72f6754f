namespace CoSie.Platform.Bench;

public static class Stats
{
    // Nearest-rank percentile; NaN for no values.
    public static double Percentile(List<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        values.Sort();
        return values[(int)Math.Min(values.Count - 1, Math.Max(0, Math.Ceiling(percentile / 100 * values.Count) - 1))];
    }
}
