using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoSie.Platform.Web.Email;

// The one way mail leaves the platform: SMTP through MailKit, or the pickup folder when no SMTP host is set.
public sealed class EmailSender(IOptions<EmailOptions> options, ILogger<EmailSender> logger)
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
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
            var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(path, cancellationToken);
            logger.LogInformation("Wrote mail {Subject} to {To} into the pickup folder {Path}", message.Subject, message.To.ToString(), path);
            return;
        }

        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, settings.SmtpSecurity, cancellationToken);
            if (!string.IsNullOrEmpty(settings.SmtpUsername))
            {
                await client.AuthenticateAsync(settings.SmtpUsername, settings.SmtpPassword ?? string.Empty, cancellationToken);
            }
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            logger.LogInformation("Sent mail {Subject} to {To}", message.Subject, message.To.ToString());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Sending mail {Subject} to {To} through {Host}:{Port} failed", message.Subject, message.To.ToString(), settings.SmtpHost, settings.SmtpPort);
            throw;
        }
    }
}
