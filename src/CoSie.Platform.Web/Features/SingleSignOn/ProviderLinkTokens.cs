using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace CoSie.Platform.Web.Features.SingleSignOn;

// The mailed link carries the pending sign-in itself, encrypted and signed with the app's Data Protection keys: the
// provider's subject comes from the provider's answer, never from anything the person could change. The expiry travels
// inside and is checked against the app's TimeProvider (as UnsubscribeTokens does). A link is used once: opening it
// links the subject, after which the same subject cannot be linked again; the account's security stamp inside it ends
// it when the account changes (a removed link, a new password).
public sealed class ProviderLinkTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly IDataProtector _protector = provider.CreateProtector("CoSie.SingleSignOn.LinkByMail.v1");

    public string Create(ProviderLink link) =>
        _protector.Protect(JsonSerializer.Serialize(new Payload(link, clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds())));

    // Null for a tampered, foreign or expired token.
    public ProviderLink? Read(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 8000)
        {
            return null;
        }
        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(value));
            return payload is { Link: { } link } && clock.GetUtcNow().ToUnixTimeSeconds() < payload.Expires ? link : null;
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private sealed record Payload(ProviderLink Link, long Expires);
}
