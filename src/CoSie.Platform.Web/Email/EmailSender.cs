using Microsoft.Extensions.Options;
using MimeKit;

namespace CoSie.Platform.Web.Email;

// The one way mail leaves the platform: SMTP through MailKit, or the pickup folder when no SMTP host is set.
public sealed class EmailSender(IOptions<EmailOptions> options, TimeProvider clock, ILogger<EmailSender> logger)
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        await using var session = OpenSession();
        await session.SendAsync(message, cancellationToken);
    }

    // One SMTP connection for many messages (a cohort's digests); it connects on the first message.
    public EmailSession OpenSession() => new(options.Value, clock, logger);
}
