namespace CoSie.Platform.Web.Identity;

// Where the platform is served over HTTPS (App:PublicBaseUrl, or Security:SecureCookies to say so directly), its cookies
// are Secure and carry the __Host- prefix, which browsers only accept from a secure origin, for Path=/ and without a
// Domain: no subdomain or plain-HTTP page can set or overwrite them. Over plain HTTP (./cosie run, a first Docker start on
// http://localhost:8080) the same cookies without prefix and Secure flag keep sign-in working.
public static class SessionCookies
{
    public const string Session = "cosie.session";
    public const string Antiforgery = "cosie.af";

    public static bool Secure(IConfiguration configuration) =>
        configuration.GetValue<bool?>("Security:SecureCookies")
        ?? (configuration["App:PublicBaseUrl"]?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ?? false);

    public static string Name(string name, bool secure) => secure ? "__Host-" + name : name;
}
