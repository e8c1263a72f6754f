namespace CoSie.Platform.Web.Features.SingleSignOn;

// The addresses a provider sends people back to, inside the institution (its path prefix or host name), one per
// provider, so that the callback names the provider before anything of it is read.
public static class SsoPaths
{
    public const string Scheme = "sso";
    public const string CallbackPrefix = "/signin-sso/";

    public static string Callback(Guid providerId) => CallbackPrefix + providerId.ToString("N");

    public const string SignedOut = "/sso/signed-out";

    public static bool TryProviderFromCallback(PathString path, out Guid providerId)
    {
        providerId = Guid.Empty;
        return path.StartsWithSegments(CallbackPrefix.TrimEnd('/'), StringComparison.Ordinal, out var rest)
            && rest.Value is { Length: 33 } id && Guid.TryParseExact(id[1..], "N", out providerId);
    }
}
