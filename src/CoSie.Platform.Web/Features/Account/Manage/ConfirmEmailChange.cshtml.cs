using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Account.Manage;

public sealed class ConfirmEmailChangeModel(
    UserManager<PlatformUser> users,
    SignInManager<PlatformUser> signIn,
    AccountEmails emails,
    IStringLocalizer<ConfirmEmailChangeModel> localizer,
    ILogger<ConfirmEmailChangeModel> logger) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? email, string? code, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (string.IsNullOrWhiteSpace(email) || !AccountTokens.TryDecode(code, out var token))
        {
            return Page();
        }

        // The token is bound to this account and to the new address: a link mailed to someone else does nothing here.
        var oldEmail = user.Email!;
        var changed = await users.ChangeEmailAsync(user, email, token);
        if (!changed.Succeeded)
        {
            return Page();
        }
        // People sign in with their address, and the user name is that address.
        var renamed = await users.SetUserNameAsync(user, email);
        if (!renamed.Succeeded)
        {
            logger.LogError("Account {UserId} changed its email but not its user name: {Errors}",
                user.Id, string.Join(" ", renamed.Errors.Select(e => e.Code)));
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Account {UserId} changed its email address", user.Id);
        emails.Send(emails.EmailChanged(user, oldEmail, email), "email changed notice", user.Id);
        TempData["Status"] = localizer["Your email address is now {email}.", email].Value;
        return RedirectToPage("./Email");
    }
}
