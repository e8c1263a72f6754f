using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CoSie.Platform.Bench;

// The app as it runs in production: its Release build in its own process, on a loopback port. Its console log
// (warnings and errors) goes to a file, and its error lines are counted.
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private int _errors;

    private AppProcess(Process process, int port, string logPath, StreamWriter log)
    {
        _process = process;
        Port = port;
        LogPath = logPath;
        _log = log;
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public string LogPath { get; }

    // Lines the app logged at Error or Critical (the console logger's "fail:" and "crit:").
    public int Errors => Volatile.Read(ref _errors);

    public static async Task<AppProcess> StartAsync(
        string repository, string connectionString, string webRoot, string logPath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var app = AppDll(repository);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { app, "--contentRoot", Path.Combine(repository, "src/CoSie.Platform.Web"), "--webroot", webRoot },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Database__MigrateOnStartup"] = "false";
        start.Environment["Jobs__ServerEnabled"] = "false";
        start.Environment["Discussions__PostsPerMinute"] = "100000";
        start.Environment["Discussions__HubCallBurst"] = "100000";
        // The bench signs in hundreds of members from one address within a minute.
        start.Environment["RateLimits__AccountFormsPerMinute"] = "100000";
        start.Environment["Diagnostics__ServerTiming"] = "true";
        start.Environment["Diagnostics__ServerTimingAllocations"] = "true";
        // Warnings and errors only: a log line per request would cost more than some of the pages measured.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Warning";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Email__PickupDirectory"] = Path.Combine(Path.GetTempPath(), "cosie-bench-mail");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var running = new AppProcess(process, port, logPath, log);
        process.OutputDataReceived += (_, e) => running.Write(e.Data);
        process.ErrorDataReceived += (_, e) => running.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = running.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync("/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return running;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} while starting; see {logPath}.");
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The app did not become ready within 90 s; see {logPath}.");
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }
        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _errors);
        }
        lock (_log)
        {
            _log.WriteLine(line);
        }
    }

    // Resident and peak resident memory of the app, in MB.
    public (double Rss, double Peak) Memory()
    {
        double Read(string key) => File.ReadLines($"/proc/{_process.Id}/status")
            .Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024)
            .FirstOrDefault();
        return (Read("VmRSS:"), Read("VmHWM:"));
    }

    // Starts the peak (VmHWM) again from the current resident size, so that a scenario's peak is its own.
    public void ResetPeak() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    // The schema as a deployment gets it: the app's own "migrate" command (migrations, row-level security, the job
    // storage's tables), run by the Release build against the bench database.
    public static async Task MigrateAsync(string repository, string connectionString)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { AppDll(repository), "--contentRoot", Path.Combine(repository, "src/CoSie.Platform.Web"), "migrate" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The migrate command did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"migrate exited with {process.ExitCode}:\n{await output}{await errors}");
        }
    }

    private static string AppDll(string repository) => Path.Combine(repository, "src/CoSie.Platform.Web/bin/Release/net10.0/CoSie.Platform.Web.dll");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
