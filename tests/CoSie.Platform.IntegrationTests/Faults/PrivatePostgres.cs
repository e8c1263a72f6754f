using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CoSie.Platform.IntegrationTests.Faults;

// A PostgreSQL cluster of its own, made with the machine's initdb and pg_ctl the way ./cosie makes the shared one, so
// that a test can stop and start it without disturbing any other test. As root it runs as the postgres system user
// (initdb refuses root). It listens on a free loopback port and trusts local TCP connections: it lives for one test
// class, in a temporary folder, and holds nothing else.
public sealed class PrivatePostgres : IAsyncDisposable
{
    public const string Owner = "cosie";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"cosie-fault-pg-{Guid.NewGuid():N}");
    private readonly string _bin = BinDirectory();
    private bool _running;

    public int Port { get; } = FreePort();

    private string DataDirectory => Path.Combine(_root, "data");

    private string LogFile => Path.Combine(_root, "postgres.log");

    public string ConnectionStringFor(string database, string user = Owner) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Database = database, Username = user }.ConnectionString;

    public async Task CreateAsync()
    {
        Directory.CreateDirectory(_root);
        if (RunsAsRoot)
        {
            await RunAsync("chown", ["postgres:", _root]);
        }
        await RunAsPostgresAsync(Path.Combine(_bin, "initdb"),
            ["-D", DataDirectory, "-U", Owner, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await StartAsync();
    }

    // Both run to completion (-w): when they return, the server is down, or up and accepting connections.
    public async Task StopAsync()
    {
        await RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"]);
        _running = false;
    }

    public async Task StartAsync()
    {
        // The options ./cosie gives the shared test cluster, except that commits wait for their WAL as in production:
        // a restart must not be able to lose a commit that was acknowledged.
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c fsync=off -c full_page_writes=off");
        await RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", options, "start"]);
        _running = true;
    }

    public async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor(database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public string Log => File.Exists(LogFile) ? File.ReadAllText(LogFile) : string.Empty;

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            await RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
            _running = false;
        }
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    private static Task RunAsPostgresAsync(string program, IReadOnlyList<string> arguments) =>
        RunsAsRoot ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await errors}");
        }
    }

    // The newest server binaries, where Debian's postgresql package puts them (as ./cosie looks for them).
    private static string BinDirectory()
    {
        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
                .Where(d => File.Exists(Path.Combine(d.Bin, "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Bin)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL's server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql; ./cosie test installs them.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
