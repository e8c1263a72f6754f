using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Hosting;

public sealed class AppOptions : IValidatableObject
{
    public const string Section = "App";

    // The platform's public address. Mail sent from jobs has no request to take a host from, and must not trust
    // one anyway: its links start here (or at the institution's own host name).
    [Required]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
        {
            yield return new ValidationResult($"{Section}:{nameof(PublicBaseUrl)} must be an absolute http or https address such as https://learn.example.org, not \"{PublicBaseUrl}\".",
                [nameof(PublicBaseUrl)]);
        }
    }
}
