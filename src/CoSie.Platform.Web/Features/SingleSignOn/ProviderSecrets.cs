using Microsoft.AspNetCore.DataProtection;

namespace CoSie.Platform.Web.Features.SingleSignOn;

// Client secrets at rest: encrypted with the app's Data Protection keys (kept in PostgreSQL, rotated by Data
// Protection), readable only by the app that signs people in.
public sealed class ProviderSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("CoSie.Platform.SingleSignOn.ClientSecret");

    public string Protect(string secret) => _protector.Protect(secret);

    public string? Reveal(string? protectedSecret) => protectedSecret is null ? null : _protector.Unprotect(protectedSecret);
}
