using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Features.SingleSignOn.Admin;

// The provider form, shared by "new" and "edit"; SaveProvider applies the rules annotations cannot.
public sealed class ProviderInput
{
    [Required(ErrorMessage = "Enter the name people see on the sign-in button.")]
    [StringLength(100, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Display name")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Enter the issuer, such as https://login.example.org/realms/staff.")]
    [StringLength(500, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Issuer")]
    public string? Issuer { get; set; }

    [Required(ErrorMessage = "Enter the client id that the provider gave this platform.")]
    [StringLength(200, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Client id")]
    public string? ClientId { get; set; }

    // Never shown again; left empty on edit, the stored one stays.
    [StringLength(1000, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Client secret")]
    public string? ClientSecret { get; set; }

    [Required(ErrorMessage = "Enter the scopes, such as openid profile email.")]
    [StringLength(500, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Scopes")]
    public string? Scopes { get; set; } = "openid profile email";

    [Required(ErrorMessage = "Enter the claim that holds the e-mail address.")]
    [StringLength(100, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "E-mail claim")]
    public string? EmailClaim { get; set; } = "email";

    [Required(ErrorMessage = "Enter the claim that holds the name.")]
    [StringLength(100, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Name claim")]
    public string? NameClaim { get; set; } = "name";

    [Display(Name = "Accept only e-mail addresses the provider marks as verified")]
    public bool RequireVerifiedEmail { get; set; } = true;

    [StringLength(100, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Group claim")]
    public string? GroupClaim { get; set; }

    [DataType(DataType.MultilineText)]
    [StringLength(4000, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Roles from groups")]
    public string? RoleMappings { get; set; }

    [DataType(DataType.MultilineText)]
    [StringLength(2000, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Allowed e-mail domains")]
    public string? AllowedEmailDomains { get; set; }

    [Display(Name = "Offer this provider on the sign-in page")]
    public bool IsEnabled { get; set; }
}
