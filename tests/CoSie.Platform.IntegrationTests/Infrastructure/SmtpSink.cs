using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CoSie.Platform.IntegrationTests.Infrastructure;

// A real SMTP server on a loopback port that keeps what it receives.
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);
    private Task? _running;

    public int Port { get; } = FreePort();

    public IReadOnlyCollection<MimeMessage> Messages => _messages;

    // The server answers RCPT TO for this address with 550, as a mailbox that does not exist would.
    public void Refuse(string address) => _refused[address] = true;

    public void Accept(string address) => _refused.TryRemove(address, out _);

    public IReadOnlyList<MimeMessage> To(string address) =>
        _messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Recipients(this));
        var server = new SmtpServer.SmtpServer(options, services);
        _running = server.StartAsync(_stop.Token);
        return Task.CompletedTask;
    }

    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = _messages.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"No matching mail arrived; received: {string.Join(", ", _messages.Select(m => $"{m.To} '{m.Subject}'"))}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
            }
        }
        _stop.Dispose();
        _arrived.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Recipients(SmtpSink sink) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!sink._refused.ContainsKey($"{to.User}@{to.Host}"));
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            sink._messages.Enqueue(message);
            sink._arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}
