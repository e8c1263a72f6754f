using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Features.Lti.Admin;

// The platform registration form, shared by "new" and "edit"; SavePlatform applies the rules annotations cannot.
public sealed class PlatformInput
{
    [Required(ErrorMessage = "Enter a name that says which LMS this is, such as Moodle of the Faculty of Law.")]
    [StringLength(100, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Display name")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Enter the platform's issuer, such as https://moodle.example.org.")]
    [StringLength(500, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Issuer")]
    public string? Issuer { get; set; }

    [Required(ErrorMessage = "Enter the client id that the platform gave this tool.")]
    [StringLength(200, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Client id")]
    public string? ClientId { get; set; }

    [Required(ErrorMessage = "Enter at least one deployment id.")]
    [DataType(DataType.MultilineText)]
    [StringLength(4000, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Deployment ids")]
    public string? DeploymentIds { get; set; }

    [Required(ErrorMessage = "Enter the platform's authentication request URL.")]
    [StringLength(1000, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Authentication request URL")]
    public string? AuthenticationUrl { get; set; }

    [Required(ErrorMessage = "Enter the platform's access token URL.")]
    [StringLength(1000, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Access token URL")]
    public string? TokenUrl { get; set; }

    [Required(ErrorMessage = "Enter the platform's public keyset URL.")]
    [StringLength(1000, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Public keyset URL")]
    public string? KeySetUrl { get; set; }

    [StringLength(300, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Framing origin")]
    public string? FramingOrigin { get; set; }

    [Display(Name = "Accept launches from this platform")]
    public bool IsEnabled { get; set; } = true;
}
