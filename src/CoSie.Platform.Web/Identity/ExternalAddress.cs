using System.Diagnostics.CodeAnalysis;

namespace CoSie.Platform.Web.Identity;

// The one rule for the address of a party the platform trusts with identities (an identity provider's issuer, an LMS's
// issuer and endpoints): absolute, https (plain http only where the deployment allows insecure issuers, for a party on
// the same machine in development and tests), without a fragment, and without a query unless the party needs one.
public static class ExternalAddress
{
    public static bool TryParse(string? text, bool allowInsecure, bool allowQuery, [NotNullWhen(true)] out Uri? address)
    {
        address = null;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var parsed)
            || !(parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && allowInsecure))
            || !string.IsNullOrEmpty(parsed.Fragment) || (!allowQuery && !string.IsNullOrEmpty(parsed.Query))
            || !string.IsNullOrEmpty(parsed.UserInfo))
        {
            return false;
        }
        address = parsed;
        return true;
    }
}
