using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CoSie.Platform.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountFormsRateLimit.Policy)]
public sealed class ResendConfirmationModel(UserManager<PlatformUser> users, AccountEmails emails) : PageModel
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
        // Only an account still waiting for confirmation gets a link; everyone sees the same answer.
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { EmailConfirmed: false })
        {
            var code = AccountTokens.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
            var link = emails.Link("/Account/ConfirmEmail", new { userId = user.Id, code });
            emails.Send(emails.ConfirmAccount(user, link), "resent confirmation", user.Id);
        }
        return RedirectToPage("./CheckEmail", new { about = CheckEmailModel.Confirmation });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = string.Empty;
    }
}
