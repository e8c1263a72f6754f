using System.Diagnostics;
using System.Text.Json;

namespace CoSie.Platform.Bench;

// Runs bench/CoSie.Platform.Microbench (BenchmarkDotNet) as its own process, its benchmarks in that process (no build
// per benchmark), and reads its JSON reports.
public static class Microbenchmarks
{
    public static async Task<IReadOnlyList<MicroResult>> RunAsync(string repository, string job, string artifacts)
    {
        var dll = Path.Combine(repository, "bench/CoSie.Platform.Microbench/bin/Release/net10.0/CoSie.Platform.Microbench.dll");
        if (!File.Exists(dll))
        {
            return [];
        }
        if (Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true);
        }
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dll, "--filter", "*", "--job", job, "--inProcess", "--exporters", "json", "--artifacts", artifacts })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The microbenchmarks did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Directory.CreateDirectory(artifacts);
        await File.WriteAllTextAsync(Path.Combine(artifacts, "console.log"), await output + await errors);
        var results = new List<MicroResult>();
        foreach (var file in Directory.EnumerateFiles(artifacts, "*-report*.json", SearchOption.AllDirectories))
        {
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            foreach (var benchmark in json.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                if (!benchmark.TryGetProperty("Statistics", out var statistics) || statistics.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                double? allocated = benchmark.TryGetProperty("Memory", out var memory) && memory.ValueKind == JsonValueKind.Object
                    ? memory.GetProperty("BytesAllocatedPerOperation").GetDouble()
                    : null;
                var name = $"{benchmark.GetProperty("Type").GetString()}.{benchmark.GetProperty("Method").GetString()}";
                var parameters = benchmark.TryGetProperty("Parameters", out var p) ? p.GetString() : null;
                results.Add(new MicroResult(string.IsNullOrEmpty(parameters) ? name : $"{name} ({parameters})", statistics.GetProperty("Mean").GetDouble(), allocated));
            }
        }
        return results.GroupBy(r => r.Name).Select(g => g.First()).ToList();
    }
}

public sealed record MicroResult(string Name, double MeanNanoseconds, double? AllocatedBytes);
