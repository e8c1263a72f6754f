using System.Diagnostics;
using System.Globalization;

namespace CoSie.Platform.Bench;

// Before each timed scenario the bench waits, up to a bound, for the machine to settle: the 1-minute load average below
// the threshold (by default the number of cores). What it found is recorded with the scenario's figures; a scenario
// that started on a machine that never settled says so in the report.
public sealed class Quiet(double threshold, TimeSpan bound)
{
    public double Threshold => threshold;

    public async Task<LoadAtStart> WaitAsync(string scenario)
    {
        var clock = Stopwatch.StartNew();
        var load = Current();
        while (!(load < threshold) && clock.Elapsed < bound)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            load = Current();
        }
        var settled = load < threshold;
        if (!settled)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench: warning: load average {load:0.0} did not settle below {threshold:0.0} within {bound.TotalSeconds:0} s before {scenario}; measuring anyway"));
        }
        return new LoadAtStart(Math.Round(load, 2), settled, Math.Round(clock.Elapsed.TotalSeconds, 1));
    }

    public static double Current() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var load) ? load : double.NaN;
}

// The 1-minute load average when a scenario started, whether it had settled below the threshold, and the seconds waited.
public sealed record LoadAtStart(double Load, bool Settled, double WaitedSeconds);
