using System.ComponentModel.DataAnnotations;
using CoSie.Platform.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CoSie.Platform.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountFormsRateLimit.Policy)]
public sealed class RegisterModel(UserManager<PlatformUser> users, AccountEmails emails, TimeProvider clock, ILogger<RegisterModel> logger)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var candidate = new PlatformUser
        {
            UserName = Input.Email.Trim(),
            Email = Input.Email.Trim(),
            DisplayName = Input.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
            // The language the person registered in: their mail is written in it until they choose another.
            Language = PlatformLanguages.Find(System.Globalization.CultureInfo.CurrentUICulture.Name),
        };

        // The password is judged before anyone looks the address up: "too common" for a new address but "check your
        // email" for a known one would tell a stranger which addresses have accounts.
        var passwordErrors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            passwordErrors.AddRange((await validator.ValidateAsync(users, candidate, Input.Password)).Errors);
        }
        if (passwordErrors.Count > 0)
        {
            ModelState.AddIdentityErrors(IdentityResult.Failed([.. passwordErrors]), $"{nameof(Input)}.{nameof(Input.Password)}");
            return Page();
        }

        var existing = await users.FindByEmailAsync(candidate.Email);
        if (existing is not null)
        {
            // Hash anyway, so a known address answers about as fast as a new one.
            _ = users.PasswordHasher.HashPassword(candidate, Input.Password);
            await TellOwnerAsync(existing, cancellationToken);
            return CheckEmail();
        }

        var created = await users.CreateAsync(candidate, Input.Password);
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
            {
                // Registered by a parallel request a moment ago: the same answer as for any known address.
                return CheckEmail();
            }
            ModelState.AddIdentityErrors(created, $"{nameof(Input)}.{nameof(Input.Password)}");
            return Page();
        }

        logger.LogInformation("Registered account {UserId}", candidate.Id);
        emails.SendConfirmation(candidate, await users.GenerateEmailConfirmationTokenAsync(candidate), "registration confirmation");
        return CheckEmail();
    }

    private async Task TellOwnerAsync(PlatformUser owner, CancellationToken cancellationToken)
    {
        var signIn = emails.Link("/Account/Login");
        var forgot = emails.Link("/Account/ForgotPassword");
        emails.Send(emails.RegistrationAttempt(owner, signIn, forgot), "registration attempt", owner.Id);
    }

    private RedirectToPageResult CheckEmail() => RedirectToPage("./CheckEmail", new { about = CheckEmailModel.Registration });

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
        [StringLength(256, ErrorMessage = "An email address has at most {1, plural, one {# character} other {# characters}}.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter the name others will see.")]
        [StringLength(100, ErrorMessage = "A name has at most {1, plural, one {# character} other {# characters}}.")]
        [Display(Name = "Your name")]
        public string DisplayName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose a password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Type the password again.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        [Display(Name = "Password again")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
