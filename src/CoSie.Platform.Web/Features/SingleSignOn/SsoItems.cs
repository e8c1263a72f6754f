using Microsoft.AspNetCore.Authentication;

namespace CoSie.Platform.Web.Features.SingleSignOn;

// What a sign-in carries from its start to its end, inside the protected state.
public static class SsoItems
{
    public const string Provider = "cosie.sso.provider";
    public const string Institution = "cosie.sso.institution";
    public const string Mode = "cosie.sso.mode";
    public const string ReturnUrl = "cosie.sso.return";

    public const string SignInMode = "signin";
    public const string TestMode = "test";

    public static string? Read(AuthenticationProperties? properties, string key) =>
        properties is not null && properties.Items.TryGetValue(key, out var value) ? value : null;
}
