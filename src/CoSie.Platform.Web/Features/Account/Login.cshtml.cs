using System.ComponentModel.DataAnnotations;
using CoSie.Platform.Web.Features.SingleSignOn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CoSie.Platform.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountFormsRateLimit.Policy)]
public sealed class LoginModel(SignInWithPassword signIn, SignInChoices choices, IStringLocalizer<LoginModel> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    // Why a sign-in through the institution's provider did not happen (SingleSignOn/SignInRefusals).
    [BindProperty(SupportsGet = true, Name = "sso")]
    public string? ProviderRefusal { get; set; }

    public IReadOnlyList<ProviderChoice> Providers { get; private set; } = [];
    public bool AllowsPasswords => choices.AllowsPasswords;
    public string? ProviderMessage { get; private set; }

    public async Task OnGetAsync()
    {
        Providers = await choices.ProvidersAsync(HttpContext.RequestAborted);
        if (Enum.TryParse<SignInRefusal>(ProviderRefusal, out var refusal) && Enum.IsDefined(refusal))
        {
            ProviderMessage = SignInRefusals.Message(refusal, localizer);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Providers = await choices.ProvidersAsync(HttpContext.RequestAborted);
        if (!AllowsPasswords)
        {
            ModelState.AddModelError(string.Empty, localizer["This institution signs you in through its own sign-in service only."]);
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await signIn.TrySignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe))
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Content("~/"));
        }
        // A wrong password, an unknown address, an unconfirmed, disabled or locked account: one answer for all, so
        // that nobody learns from it which addresses have accounts. The owner of a locked account hears it by mail.
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
