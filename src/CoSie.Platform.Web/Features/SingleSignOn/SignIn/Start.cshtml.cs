using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.SingleSignOn.SignIn;

// "Sign in with {provider}": a POST from the sign-in page, so that a link elsewhere cannot start a sign-in.
[AllowAnonymous]
public sealed class StartModel(PlatformDbContext db, StartProviderSignIn start) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ProviderUrl { get; private set; }
    public string ProviderName { get; private set; } = string.Empty;

    public IActionResult OnGet() => LocalRedirect(Url.Content("~/Account/Login"));

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid id)
    {
        var provider = await db.SignInProviders.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.IsEnabled, HttpContext.RequestAborted);
        if (provider is null)
        {
            return NotFound();
        }
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        var (providerUrl, refusal) = await start.ChallengeAsync(HttpContext, provider, SsoItems.SignInMode, returnUrl);
        if (providerUrl is null)
        {
            return LocalRedirect(Url.Content($"~/Account/Login?sso={refusal}"));
        }
        (ProviderUrl, ProviderName) = (providerUrl, provider.DisplayName);
        return Page();
    }
}
