using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CoSie.Platform.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountFormsRateLimit.Policy)]
public sealed class ResetPasswordModel(
    UserManager<PlatformUser> users, IStringLocalizer<ResetPasswordModel> localizer, ILogger<ResetPasswordModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool HasCode => !string.IsNullOrEmpty(Input.Code);

    public void OnGet(string? code) => Input.Code = code ?? string.Empty;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null || !AccountTokens.TryDecode(Input.Code, out var token))
        {
            // An unknown address answers like a bad link, so the page cannot be used to test addresses.
            return LinkDoesNotWork();
        }
        // Resetting renews the security stamp, which ends every session the account had.
        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                return LinkDoesNotWork();
            }
            ModelState.AddIdentityErrors(result, $"{nameof(Input)}.{nameof(Input.Password)}");
            return Page();
        }
        // The link proved the mailbox is the owner's, so a lockout (whose notice carries such a link) ends here.
        if (await users.IsLockedOutAsync(user))
        {
            await users.SetLockoutEndDateAsync(user, null);
        }
        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("Account {UserId} reset its password", user.Id);
        TempData["Status"] = localizer["Your password has been changed. Sign in with the new one."].Value;
        return RedirectToPage("./Login");
    }

    private PageResult LinkDoesNotWork()
    {
        ModelState.AddModelError(string.Empty,
            localizer["This link does not work for that email address. It may be expired or already used; ask for a new one."]);
        return Page();
    }

    public sealed class InputModel
    {
        [Required]
        public string Code { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose a new password.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Type the new password again.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        [Display(Name = "New password again")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
