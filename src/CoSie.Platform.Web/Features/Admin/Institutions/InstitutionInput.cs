using System.ComponentModel.DataAnnotations;
using CoSie.Platform.Web.Hosting;

namespace CoSie.Platform.Web.Features.Admin.Institutions;

// The institution form, shared by "create" and "edit"; InstitutionSettingsCheck applies the rules annotations cannot.
public sealed class InstitutionInput
{
    // SlugRules says what a slug may be; the page checks it with the other rules.
    [Display(Name = "Slug")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Enter the institution's name.")]
    [StringLength(200, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [DataType(DataType.MultilineText)]
    [StringLength(6000, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Host names")]
    public string? HostNames { get; set; }

    [Required(ErrorMessage = "Choose a time zone from the list.")]
    [Display(Name = "Time zone")]
    public string? TimeZoneId { get; set; } = InstitutionChoices.DefaultTimeZoneId;

    [Required(ErrorMessage = "Choose a language from the list.")]
    [Display(Name = "Default language")]
    public string? DefaultCulture { get; set; } = PlatformCultures.Default;
}
