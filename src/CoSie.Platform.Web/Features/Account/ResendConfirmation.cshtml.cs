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
            emails.SendConfirmation(user, await users.GenerateEmailConfirmationTokenAsync(user), "resent confirmation");
        }
        return RedirectToPage("./CheckEmail", new { about = CheckEmailModel.Confirmation });
    }

    public sealed class InputModel : EmailInput;
}
