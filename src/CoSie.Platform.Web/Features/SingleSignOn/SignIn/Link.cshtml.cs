using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using CoSie.Platform.Web.Features.Account;

namespace CoSie.Platform.Web.Features.SingleSignOn.SignIn;

// A provider's address belongs to an existing account: its owner links the provider by proving control, with the
// account's password or with a link mailed to its address (LinkByMail). Wrong passwords count towards the account's lockout.
[AllowAnonymous]
[EnableRateLimiting(AccountFormsRateLimit.Policy)]
public sealed class LinkModel(
    CompleteProviderSignIn complete,
    LinkByMail byMail,
    SignInManager<PlatformUser> signIn,
    IStringLocalizer<LinkModel> localizer,
    ILogger<LinkModel> logger) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;
    public string ProviderName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync() =>
        await LoadAsync() is null ? LocalRedirect(Url.Content("~/Account/Login?sso=StateMismatch")) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return LocalRedirect(Url.Content("~/Account/Login?sso=StateMismatch"));
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var check = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            logger.LogInformation("Linking a provider to account {UserId} refused: the password did not match (locked {Locked})", user.Id, check.IsLockedOut);
            ModelState.AddModelError(string.Empty, localizer["That password is not correct, or the account is locked for now. Nothing was linked."]);
            return Page();
        }
        var result = await complete.LinkAndSignInAsync(HttpContext, user);
        return result.Outcome == ProviderSignInOutcome.SignedIn
            ? LocalRedirect(Url.IsLocalUrl(result.ReturnUrl) ? result.ReturnUrl : Url.Content("~/"))
            : LocalRedirect(Url.Content($"~/Account/Login?sso={result.Refusal}"));
    }

    // No password asked: the handler's own check is that a provider sign-in is waiting; the rate limit keeps mail rare.
    public async Task<IActionResult> OnPostMailAsync() =>
        await byMail.SendAsync(HttpContext)
            ? LocalRedirect(Url.Content("~/sso/link/sent"))
            : LocalRedirect(Url.Content("~/Account/Login?sso=StateMismatch"));

    private async Task<PlatformUser?> LoadAsync()
    {
        if (await complete.PendingAsync(HttpContext) is not { } pending || pending.Claims.Email is not { } email)
        {
            return null;
        }
        (Email, ProviderName) = (email, pending.Provider.DisplayName);
        return await signIn.UserManager.FindByEmailAsync(email);
    }
}
