using CoSie.Platform.Web.Features.SingleSignOn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Account;

// Signing out changes state, so only a POST (with its antiforgery token) does it; a GET shows the button.
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<PlatformUser> signIn, ProviderSignOut providerSignOut) : PageModel
{
    public ContinueToProvider? EndSession { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        // Signing out ends the person's sessions everywhere: a new security stamp makes this cookie, a copy of it, and
        // every other device's cookie fail their very next request, and ends the live connections (PlatformUserManager),
        // so a session left open on a shared computer ends too.
        var atProvider = await providerSignOut.PrepareAsync(HttpContext, User);
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        // A session that a provider signed in ends there too, where the provider offers that.
        // Through a page of its own: the content security policy keeps a form's redirects on this origin.
        if (atProvider is not null && await atProvider() is { } endSession)
        {
            EndSession = new ContinueToProvider(endSession, providerSignOut.ProviderName ?? string.Empty);
            return Page();
        }
        return LocalRedirect(Url.Content("~/"));
    }
}
