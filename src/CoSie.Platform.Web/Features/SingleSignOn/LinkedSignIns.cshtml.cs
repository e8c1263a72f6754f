using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.SingleSignOn;

// The person's linked providers, each removable, as long as some way to sign in remains.
[Authorize]
public sealed class LinkedSignInsModel(UserManager<PlatformUser> users, IStringLocalizer<LinkedSignInsModel> localizer) : PageModel
{
    public IReadOnlyList<UserLoginInfo> Logins { get; private set; } = [];

    [BindProperty]
    public string? LoginProvider { get; set; }

    [BindProperty]
    public string? ProviderKey { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        Logins = [.. await users.GetLoginsAsync(user)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        Logins = [.. await users.GetLoginsAsync(user)];
        var login = Logins.FirstOrDefault(l => l.LoginProvider == LoginProvider && l.ProviderKey == ProviderKey);
        if (login is null)
        {
            return NotFound();
        }
        if (user.PasswordHash is null && Logins.Count == 1)
        {
            ModelState.AddModelError(string.Empty,
                localizer["This is your only way to sign in. Choose a password first (“Forgot your password?” on the sign-in page sends a link), then remove it."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var removed = await users.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey);
        if (!removed.Succeeded)
        {
            ModelState.AddModelError(string.Empty, localizer["Something went wrong. Try again."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Status"] = localizer["{provider} is no longer linked to your account.", login.ProviderDisplayName ?? login.LoginProvider].Value;
        return RedirectToPage();
    }
}
