using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Features.Lti;

// The "Lti" section of the configuration (docs/configuration.md).
public sealed class LtiSettings
{
    public const string Section = "Lti";

    // How long a rotated tool key stays published next to its successor: longer than any platform caches the key set.
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan KeyOverlap { get; set; } = TimeSpan.FromDays(7);
}
