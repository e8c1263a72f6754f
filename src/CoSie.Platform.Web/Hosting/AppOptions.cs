namespace CoSie.Platform.Web.Hosting;

public sealed class AppOptions
{
    public const string Section = "App";

    // The platform's public address. Mail sent from jobs has no request to take a host from, and must not trust
    // one anyway: its links start here (or at the institution's own host name).
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";
}
