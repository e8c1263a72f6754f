using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Features.SingleSignOn;

// The "SingleSignOn" section of the configuration (docs/configuration.md).
public sealed class SingleSignOnSettings
{
    public const string Section = "SingleSignOn";

    // How long the app waits for a provider (discovery, keys, the token endpoint) before it says the provider is away.
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan BackchannelTimeout { get; set; } = TimeSpan.FromSeconds(10);

    // Issuers over plain HTTP: for a provider on the same machine in development and tests only.
    public bool AllowInsecureIssuers { get; set; }
}
