using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Features.Account;

// The form of the account pages that ask for an email address only (a reset link, the confirmation mail again): the
// same checks and messages on each.
public class EmailInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = string.Empty;
}
