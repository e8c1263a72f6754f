using System.Net;
using System.Net.Sockets;

namespace CoSie.Platform.IntegrationTests.ScaleOut;

// The smallest load balancer: one loopback address whose TCP connections go to the instance it currently points at.
// Connections already open stay where they are (as with a sticky proxy); when that instance stops, its connections
// close, and the clients' next ones land on whichever instance the balancer points at then.
public sealed class LoopbackBalancer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TcpClient, TcpClient> _open = new();
    private readonly Task _accepting;

    public LoopbackBalancer(Uri target)
    {
        Target = target;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    public Uri Target { get; set; }

    // Cuts every connection open through the balancer, as a network that drops them does; the instances keep running
    // and new connections go through as before.
    public int Sever()
    {
        var count = 0;
        foreach (var (client, upstream) in _open)
        {
            // A connection that is closing by itself at this moment may be gone already.
            try
            {
                client.Client?.Close(0);
                upstream.Client?.Close(0);
                count++;
            }
            catch (ObjectDisposedException)
            {
            }
        }
        return count;
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = ForwardAsync(client, Target);
        }
    }

    private async Task ForwardAsync(TcpClient client, Uri target)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(target.Host, target.Port, _stopping.Token);
                _open[client] = upstream;
                var down = client.GetStream();
                var up = upstream.GetStream();
                // When either side closes, the other is closed too, as a proxy does.
                await Task.WhenAny(down.CopyToAsync(up, _stopping.Token), up.CopyToAsync(down, _stopping.Token));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
            finally
            {
                _open.TryRemove(client, out _);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stopping.Dispose();
    }
}
