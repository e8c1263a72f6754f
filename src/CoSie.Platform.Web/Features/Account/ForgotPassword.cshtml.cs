using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CoSie.Platform.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountFormsRateLimit.Policy)]
public sealed class ForgotPasswordModel(UserManager<PlatformUser> users, AccountEmails emails, ILogger<ForgotPasswordModel> logger) : PageModel
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
        // Don't reveal whether the account exists or is confirmed: the answer is the same either way.
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { EmailConfirmed: true, IsDisabled: false })
        {
            var code = AccountTokens.Encode(await users.GeneratePasswordResetTokenAsync(user));
            var link = emails.Link("/Account/ResetPassword", new { code });
            emails.Send(emails.ResetPassword(user, link), "password reset", user.Id);
            logger.LogInformation("Sent a password reset link to account {UserId}", user.Id);
        }
        return RedirectToPage("./CheckEmail", new { about = CheckEmailModel.Reset });
    }

    public sealed class InputModel : EmailInput;
}
