using System.Diagnostics;
using System.Globalization;

namespace CoSie.Platform.Bench;

// Postfix's smtp-sink on a loopback port: the SMTP test server made for benchmarking mail senders, which accepts and
// discards every message. Run with -c it writes a running count ("N\r") after each message, which is how the bench
// checks that every digest marked Sent reached the server. A sink that answers slower than the app sends (the .NET
// SmtpServer package here managed about 20 messages a second, its replies held back by Nagle's algorithm) would
// measure itself rather than the app.
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;
    private long _messages;

    private SmtpSink(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public long Messages => Interlocked.Read(ref _messages);

    public static async Task<SmtpSink> StartAsync()
    {
        var port = AppProcess.FreePort();
        var start = new ProcessStartInfo("smtp-sink") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        if (Environment.UserName == "root")
        {
            // smtp-sink drops to this user after binding, and refuses to run as root without it.
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("nobody");
        }
        start.ArgumentList.Add($"127.0.0.1:{port}");
        start.ArgumentList.Add("256");
        var process = Process.Start(start) ?? throw new InvalidOperationException("smtp-sink did not start; ./cosie bench installs it with postfix.");
        var sink = new SmtpSink(process, port);
        _ = Task.Run(sink.CountAsync);
        _ = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return sink;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    private async Task CountAsync()
    {
        var number = new System.Text.StringBuilder();
        var buffer = new char[256];
        int read;
        while ((read = await _process.StandardOutput.ReadAsync(buffer)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (char.IsAsciiDigit(buffer[i]))
                {
                    number.Append(buffer[i]);
                }
                else if (number.Length > 0)
                {
                    Interlocked.Exchange(ref _messages, long.Parse(number.ToString(), CultureInfo.InvariantCulture));
                    number.Clear();
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
