using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Account.Manage;

public sealed class PasswordModel(
    UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, IStringLocalizer<PasswordModel> localizer, ILogger<PasswordModel> logger)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // ChangePasswordAsync renews the security stamp: every other session and live connection of this account ends
        // at once (PlatformUserManager).
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.CurrentPassword)}", localizer["The current password is not correct."]);
            }
            else
            {
                ModelState.AddIdentityErrors(result, $"{nameof(Input)}.{nameof(Input.NewPassword)}");
            }
            return Page();
        }

        // ...and this one gets a fresh cookie carrying the new stamp, so it stays signed in.
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Account {UserId} changed its password", user.Id);
        TempData["Status"] = localizer["Your password has been changed. Other devices signed in to your account have been signed out."].Value;
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose a new password.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Type the new password again.")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "The two passwords are not the same.")]
        [Display(Name = "New password again")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
