using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CoSie.Platform.Web.Features.Digests;

// Signed and encrypted with the app's Data Protection keys (kept in PostgreSQL, so every instance reads them):
// nobody can make or alter a link for someone else. The expiry travels inside the protected payload and is checked
// against the app's TimeProvider; ITimeLimitedDataProtector would read the system clock, which tests cannot move.
public sealed class UnsubscribeTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(60);

    private readonly IDataProtector _protector = provider.CreateProtector("CoSie.Digests.Unsubscribe.v1");

    public string Create(UnsubscribeToken token)
    {
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        // A digest's token keeps the four parts it always had, so links in digests already sent still work.
        var payload = string.Create(CultureInfo.InvariantCulture, $"{token.InstitutionId:N}.{token.CohortId:N}.{token.UserId:N}.{expires}");
        if (token.Topic != UnsubscribeTopic.Digest)
        {
            payload += string.Create(CultureInfo.InvariantCulture, $".{(int)token.Topic}");
        }
        return _protector.Protect(payload);
    }

    // Null for a tampered, foreign or expired token.
    public UnsubscribeToken? Read(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 1000)
        {
            return null;
        }
        string payload;
        try
        {
            payload = _protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('.');
        var topic = UnsubscribeTopic.Digest;
        if (parts.Length == 5)
        {
            // Only the mails that are not the digest name their topic.
            if (!int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || (UnsubscribeTopic)number is not (UnsubscribeTopic.ReplyMails or UnsubscribeTopic.MentionMails or UnsubscribeTopic.Reminders))
            {
                return null;
            }
            topic = (UnsubscribeTopic)number;
        }
        if (parts.Length is < 4 or > 5
            || !Guid.TryParseExact(parts[0], "N", out var institutionId)
            || !Guid.TryParseExact(parts[1], "N", out var cohortId)
            || !Guid.TryParseExact(parts[2], "N", out var userId)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }
        return clock.GetUtcNow().ToUnixTimeSeconds() < expires ? new UnsubscribeToken(institutionId, cohortId, userId, topic) : null;
    }
}
