using System.ComponentModel.DataAnnotations;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CoSie.Platform.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountFormsRateLimit.Policy)]
public sealed class LoginModel(
    SignInManager<PlatformUser> signIn, UserManager<PlatformUser> users, IStringLocalizer<LoginModel> localizer, ILogger<LoginModel> logger)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            // Don't reveal that the account does not exist: the same work (one hash) and the same words as a wrong password.
            _ = users.PasswordHasher.HashPassword(new PlatformUser(), Input.Password);
            return Failed();
        }

        // Counts failures: the fifth wrong password in a row locks the account for a while. Signing in replaces
        // the session cookie, so a cookie planted before sign-in is worth nothing after it.
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Account {UserId} signed in", user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Content("~/"));
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("Account {UserId} is locked out after failed sign-ins", user.Id);
            return RedirectToPage("./Lockout");
        }
        // A wrong password, an unconfirmed address and a disabled account all get the same answer.
        return Failed();
    }

    private PageResult Failed()
    {
        ModelState.AddModelError(string.Empty,
            localizer["Sign-in failed. Check your email address and password. If you registered recently, confirm your address first."]);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }
}
