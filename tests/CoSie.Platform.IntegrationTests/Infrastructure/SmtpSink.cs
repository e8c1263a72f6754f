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
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);
    private CancellationTokenSource? _stop;
    private Task? _running;
    private volatile SmtpResponse? _refusal;
    private HeldMessage? _hold;

    public int Port { get; } = FreePort();

    public IReadOnlyCollection<MimeMessage> Messages => _messages;

    // The server answers RCPT TO for this address with 550, as a mailbox that does not exist would.
    public void Refuse(string address) => _refused[address] = true;

    public void Accept(string address) => _refused.TryRemove(address, out _);

    public IReadOnlyList<MimeMessage> To(string address) =>
        _messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    // Every message is answered after its DATA with this reply instead of 250, and not kept: 421 says "try again
    // later" (a server that is overloaded or shutting down), 554 "no" (a server that rejects the transaction).
    public void RefuseMessages(bool temporarily) =>
        _refusal = temporarily
            ? new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "Service not available, try again later")
            : new SmtpResponse(SmtpReplyCode.TransactionFailed, "Transaction failed");

    public void AcceptMessages() => _refusal = null;

    // The next message after `after` more have been accepted is held after its DATA, unanswered, until released;
    // then it is refused (as RefuseMessages says by then, else with 421) and not kept, or, after Accept, taken as a
    // slow server finally takes it. A sender that dies meanwhile has handed nothing over.
    public HeldMessage HoldNext(int after = 0) => _hold = new HeldMessage(_messages.Count + after);

    // Starts listening on Port; after StopAsync it can start again on the same port, as a restarted server does.
    public Task StartAsync()
    {
        if (_stop is not null)
        {
            return Task.CompletedTask;
        }
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Recipients(this));
        var server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = server.StartAsync(_stop.Token);
        return Task.CompletedTask;
    }

    // The server goes away: nothing listens on the port until StartAsync, so connecting is refused.
    public async Task StopAsync()
    {
        if (_stop is null)
        {
            return;
        }
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
        _stop = null;
        _running = null;
    }

    // At least count matching mails, for mail that leaves after the answer to the request that wrote it.
    public async Task<IReadOnlyList<MimeMessage>> WaitForCountAsync(Func<MimeMessage, bool> match, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = _messages.Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"{found.Count} of {count} matching mails arrived; received: {string.Join(", ", _messages.Select(m => $"{m.To} '{m.Subject}'"))}");
            }
        }
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
        await StopAsync();
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
            if (sink._hold is { } hold && sink._messages.Count >= hold.AfterAccepted && Interlocked.CompareExchange(ref sink._hold, null, hold) == hold)
            {
                if (await hold.HoldAsync(message, cancellationToken) && sink._refusal is null)
                {
                    sink._messages.Enqueue(message);
                    sink._arrived.Release();
                    return SmtpResponse.Ok;
                }
                return sink._refusal ?? new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "Held and dropped");
            }
            if (sink._refusal is { } refusal)
            {
                return refusal;
            }
            sink._messages.Enqueue(message);
            sink._arrived.Release();
            return SmtpResponse.Ok;
        }
    }

    public sealed class HeldMessage(int afterAccepted)
    {
        internal int AfterAccepted { get; } = afterAccepted;

        private readonly TaskCompletionSource<MimeMessage> _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<bool> _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Completes when the held message has arrived and waits for its answer.
        public Task<MimeMessage> Arrived => _arrived.Task;

        public void Release() => _released.TrySetResult(false);

        // Answers the held message with 250 and keeps it (unless RefuseMessages is in force).
        public void Accept() => _released.TrySetResult(true);

        // Whether the message is to be accepted.
        internal async Task<bool> HoldAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            _arrived.TrySetResult(message);
            return await _released.Task.WaitAsync(cancellationToken);
        }
    }
}
