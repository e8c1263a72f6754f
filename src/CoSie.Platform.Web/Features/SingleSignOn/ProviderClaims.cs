using System.Security.Claims;
using System.Text.Json;

namespace CoSie.Platform.Web.Features.SingleSignOn;

// The person as a provider describes them, read through the provider's claim mapping, and whether the platform
// accepts that description. One rule for the sign-in and for the admin's test sign-in.
public sealed record ProviderClaims(string? Subject, string? Email, bool EmailVerified, string? Name, IReadOnlyList<string> Groups)
{
    public static ProviderClaims Read(SignInProvider provider, ClaimsPrincipal principal)
    {
        var email = principal.FindFirst(provider.EmailClaim)?.Value?.Trim();
        var verified = principal.FindFirst("email_verified")?.Value;
        var groups = provider.GroupClaim is { Length: > 0 } claim ? principal.FindAll(claim).SelectMany(c => Values(c.Value)).ToList() : [];
        return new ProviderClaims(
            principal.FindFirst("sub")?.Value,
            string.IsNullOrEmpty(email) ? null : email,
            string.Equals(verified, "true", StringComparison.OrdinalIgnoreCase),
            principal.FindFirst(provider.NameClaim)?.Value?.Trim(),
            groups);
    }

    public SignInRefusal? Judge(SignInProvider provider)
    {
        if (string.IsNullOrEmpty(Subject))
        {
            return SignInRefusal.NoSubject;
        }
        if (Email is null || !Email.Contains('@', StringComparison.Ordinal))
        {
            return SignInRefusal.NoEmail;
        }
        if (provider.RequireVerifiedEmail && !EmailVerified)
        {
            return SignInRefusal.UnverifiedEmail;
        }
        return provider.AllowsEmail(Email) ? null : SignInRefusal.EmailDomainNotAllowed;
    }

    // A claim that holds a JSON array arrives as one claim with the array as text.
    private static string[] Values(string value)
    {
        if (!value.StartsWith('['))
        {
            return [value];
        }
        try
        {
            return JsonSerializer.Deserialize<string[]>(value) ?? [];
        }
        catch (JsonException)
        {
            return [value];
        }
    }
}
