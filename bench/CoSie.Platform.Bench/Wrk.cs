using System.Diagnostics;
using System.Text.Json;

namespace CoSie.Platform.Bench;

// HTTP load from wrk (Debian's package), one JSON line per run from bench/wrk/report.lua.
public sealed class Wrk(string repository, TimeSpan duration, int repeats)
{
    // The cookie is asked for before each run (signed-in sessions renew theirs; see Session.FreshCookieHeaderAsync).
    public async Task<LoadResult> RunAsync(Uri url, int connections, Func<Task<string>>? cookie)
    {
        var runs = new List<LoadResult>();
        for (var i = 0; i < repeats; i++)
        {
            runs.Add(await RunOnceAsync(url, connections, cookie is null ? null : await cookie()));
        }
        return LoadResult.Median(runs);
    }

    private async Task<LoadResult> RunOnceAsync(Uri url, int connections, string? cookie)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t", Math.Min(2, connections).ToString(System.Globalization.CultureInfo.InvariantCulture), "-c", connections.ToString(System.Globalization.CultureInfo.InvariantCulture), "-d", $"{(int)duration.TotalSeconds}s", "--timeout", "10s", "-s", Path.Combine(repository, "bench/wrk/report.lua") })
        {
            start.ArgumentList.Add(argument);
        }
        if (cookie is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add("Cookie: " + cookie);
        }
        start.ArgumentList.Add(url.ToString());
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start; install it with apt-get install wrk.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith('{')) ?? throw new InvalidOperationException("wrk printed no result: " + output);
        var raw = JsonSerializer.Deserialize<WrkLine>(line)!;
        return new LoadResult(
            raw.requests / (raw.duration_us / 1_000_000.0),
            raw.p50 / 1000.0, raw.p95 / 1000.0, raw.p99 / 1000.0,
            raw.requests == 0 ? 0 : raw.bytes / raw.requests,
            raw.errors + raw.non2xx);
    }

#pragma warning disable IDE1006, CA1812 // Names and shape follow the JSON that report.lua prints; created by the serializer.
    private sealed record WrkLine(long requests, long duration_us, long bytes, long errors, long non2xx, long p50, long p95, long p99, long max);
#pragma warning restore IDE1006, CA1812
}
