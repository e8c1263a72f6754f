using Microsoft.AspNetCore.DataProtection;

namespace CoSie.Platform.Web.Features.Lti.Keys;

// Private tool keys at rest: encrypted with the app's Data Protection keys (kept in PostgreSQL, rotated by Data
// Protection) under a purpose of their own, as SingleSignOn/ProviderSecrets keeps client secrets.
public sealed class ToolKeyProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("CoSie.Platform.Lti.ToolKey");

    public string Protect(byte[] pkcs8) => _protector.Protect(Convert.ToBase64String(pkcs8));

    public byte[] Reveal(string protectedKey) => Convert.FromBase64String(_protector.Unprotect(protectedKey));
}
