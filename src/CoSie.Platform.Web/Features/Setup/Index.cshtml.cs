using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Setup;

public sealed class IndexModel(FirstRun firstRun, SignInManager<PlatformUser> signIn, IStringLocalizer<IndexModel> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    // Once a platform admin exists the page is gone: it must never become a way to mint a second one.
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await firstRun.IsNeededAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await firstRun.IsNeededAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await firstRun.CreateAdminAsync(Input.Email.Trim(), Input.Password, Input.DisplayName.Trim(), cancellationToken: cancellationToken);
        if (result.AlreadySetUp)
        {
            // Someone else finished setup between our check and the lock.
            return NotFound();
        }
        if (result.AccountExists)
        {
            ModelState.AddModelError(string.Empty,
                localizer["An account with this email address exists already. Use another address, or start the platform with COSIE_ADMIN_EMAIL set to it."]);
            return Page();
        }
        if (result.Admin is null)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }
            return Page();
        }

        await signIn.SignInAsync(result.Admin, isPersistent: false);
        TempData["Status"] = localizer["Welcome, {name}. You are the platform admin; create the first institution.", result.Admin.DisplayName].Value;
        return LocalRedirect("/admin/institutions");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
        [StringLength(256, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your name as others should see it.")]
        [StringLength(100, ErrorMessage = "Use at most {1, plural, one {# character} other {# characters}}.")]
        [Display(Name = "Display name")]
        public string DisplayName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(PasswordLengthValidator.MaxLength, MinimumLength = PasswordLengthValidator.MinLength,
            ErrorMessage = "Use {2} to {1, plural, one {# character} other {# characters}}; a few unrelated words make a strong password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Type the password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password again")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
