using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CoSie.Platform.Web.Features.Account;

// Identity's tokens contain '+', '/' and '='; links carry them base64url-encoded so no mail client or proxy mangles them.
public static class AccountTokens
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static bool TryDecode(string? code, out string token)
    {
        token = string.Empty;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
