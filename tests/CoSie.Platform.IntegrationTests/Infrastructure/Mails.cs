using System.Text.RegularExpressions;
using MimeKit;

namespace CoSie.Platform.IntegrationTests.Infrastructure;

public static partial class Mails
{
    public static Task<MimeMessage> WaitForMailToAsync(this SmtpSink sink, string address, string subjectPart) =>
        sink.WaitForAsync(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))
            && (m.Subject ?? string.Empty).Contains(subjectPart, StringComparison.OrdinalIgnoreCase));

    // The absolute link in the text part whose path contains pathPart, as a person would click it.
    public static string LinkTo(this MimeMessage message, string pathPart)
    {
        var text = message.TextBody ?? throw new InvalidOperationException($"Mail '{message.Subject}' has no text part.");
        return Link().Matches(text).Select(m => m.Value).FirstOrDefault(l => l.Contains(pathPart, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Mail '{message.Subject}' has no link to {pathPart}: {text}");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
