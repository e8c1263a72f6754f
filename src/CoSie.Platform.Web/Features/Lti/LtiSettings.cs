using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Features.Lti;

// The "Lti" section of the configuration (docs/configuration.md).
public sealed class LtiSettings
{
    public const string Section = "Lti";

    // How long a rotated tool key stays published next to its successor: longer than any platform caches the key set.
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan KeyOverlap { get; set; } = TimeSpan.FromDays(7);

    // How long a platform's public keys are kept before they are fetched again (an unknown key fetches them at once).
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan PlatformKeysLifetime { get; set; } = TimeSpan.FromHours(1);

    // How long the tool waits for a platform's key set.
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan BackchannelTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
