using System.Net.Sockets;
using MailKit.Net.Smtp;
using MimeKit;

namespace CoSie.Platform.Web.Email;

// Sends messages over one SMTP connection, reconnecting after a failure; without an SMTP host it writes .eml files.
public sealed class EmailSession(EmailOptions settings, TimeProvider clock, ILogger logger) : IAsyncDisposable
{
    // Many servers limit the messages of one connection; starting a fresh one now and then stays below them.
    private const int MessagesPerConnection = 100;

    private SmtpClient? _client;
    private int _sentOnConnection;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        if (message.From.Count == 0)
        {
            message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        }
        if (string.IsNullOrEmpty(message.MessageId))
        {
            message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(MailboxAddress.Parse(settings.FromAddress).Domain);
        }

        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            var folder = Path.GetFullPath(settings.PickupDirectory);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(path, cancellationToken);
            logger.LogInformation("Wrote mail {Subject} to {To} into the pickup folder {Path}", message.Subject, message.To.ToString(), path);
            return;
        }

        try
        {
            var client = await ConnectedAsync(cancellationToken);
            await client.SendAsync(message, cancellationToken);
            if (++_sentOnConnection >= MessagesPerConnection)
            {
                await CloseAsync();
            }
            logger.LogInformation("Sent mail {Subject} to {To}", message.Subject, message.To.ToString());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Sending mail {Subject} to {To} through {Host}:{Port} failed", message.Subject, message.To.ToString(), settings.SmtpHost, settings.SmtpPort);
            // After a refused recipient or a broken connection, the next message starts on a fresh connection.
            await CloseAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await CloseAsync();

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true })
        {
            return _client;
        }
        _client?.Dispose();
        _client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(settings.SmtpTimeoutSeconds).TotalMilliseconds };
        // SMTP is a conversation of short lines: without NoDelay, Nagle's algorithm and delayed acknowledgements
        // stall each command for tens of milliseconds, which caps a cohort's mailing at a few messages a second.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connecting.CancelAfter(TimeSpan.FromSeconds(settings.SmtpConnectTimeoutSeconds));
                try
                {
                    await socket.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, connecting.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // A failure to send like any other, not a cancelled job: the digest is retried later.
                    throw new TimeoutException($"Connecting to {settings.SmtpHost}:{settings.SmtpPort} took longer than {settings.SmtpConnectTimeoutSeconds} s.");
                }
            }
            await _client.ConnectAsync(socket, settings.SmtpHost!, settings.SmtpPort, settings.SmtpSecurity, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        if (!string.IsNullOrEmpty(settings.SmtpUsername))
        {
            await _client.AuthenticateAsync(settings.SmtpUsername, settings.SmtpPassword ?? string.Empty, cancellationToken);
        }
        return _client;
    }

    private async Task CloseAsync()
    {
        if (_client is null)
        {
            return;
        }
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or SmtpCommandException or InvalidOperationException)
        {
            logger.LogDebug(ex, "Closing the SMTP connection failed");
        }
        _client.Dispose();
        _client = null;
        _sentOnConnection = 0;
    }
}
