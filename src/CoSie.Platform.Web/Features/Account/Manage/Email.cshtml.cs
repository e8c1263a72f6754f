using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Account.Manage;

public sealed class EmailModel(
    UserManager<PlatformUser> users, AccountEmails emails, IStringLocalizer<EmailModel> localizer, ILogger<EmailModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string CurrentEmail { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        CurrentEmail = user.Email ?? string.Empty;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        CurrentEmail = user.Email ?? string.Empty;
        var newEmail = Input.NewEmail.Trim();
        if (ModelState.IsValid && string.Equals(newEmail, CurrentEmail, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.NewEmail)}", localizer["That is already your email address."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The address changes only once its owner follows the link, so nobody can move an account onto an address
        // they cannot read. An address that already has an account gets no link, but the answer here is the same.
        if (await users.FindByEmailAsync(newEmail) is null)
        {
            var code = AccountTokens.Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
            var link = emails.Link("/Account/Manage/ConfirmEmailChange", new { email = newEmail, code });
            emails.Send(emails.ConfirmEmailChange(user, newEmail, link), "email change confirmation", user.Id);
        }
        else
        {
            logger.LogInformation("Account {UserId} asked to move to an address another account uses; no link sent", user.Id);
        }
        TempData["Status"] = localizer["We have sent a confirmation link to {email}. Your address changes when you follow it.", newEmail].Value;
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the new email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
        [StringLength(256, ErrorMessage = "An email address has at most {1, plural, one {# character} other {# characters}}.")]
        [Display(Name = "New email address")]
        public string NewEmail { get; set; } = string.Empty;
    }
}
