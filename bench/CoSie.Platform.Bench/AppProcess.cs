using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CoSie.Platform.Bench;

// The app as it runs in production: its Release build in its own process, on a loopback port.
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public int ProcessId => _process.Id;

    public static async Task<AppProcess> StartAsync(string repository, string connectionString, string webRoot)
    {
        var port = FreePort();
        var app = Path.Combine(repository, "src/CoSie.Platform.Web/bin/Release/net10.0/CoSie.Platform.Web.dll");
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
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Email__PickupDirectory"] = Path.Combine(Path.GetTempPath(), "cosie-bench-mail");
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, e) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("app: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new AppProcess(process, port);
        using var client = new HttpClient { BaseAddress = running.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
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
                throw new InvalidOperationException($"The app exited with {process.ExitCode} while starting.");
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The app did not become ready within 60 s.");
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
