using System.Security.Claims;
using CoSie.Platform.Web.Features.Discussions;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Account;

// Signing out changes state, so only a POST (with its antiforgery token) does it; a GET shows the button.
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<PlatformUser> signIn, LiveConnections live) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        // Signing out ends the person's sessions everywhere: a new security stamp makes every other device's cookie fail
        // its next check (within a minute), so a session left open on a shared computer ends too.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        // Live connections outlast the cookie they started with; signing out ends them too.
        if (Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            await live.EndSessionsAsync(userId);
        }
        return LocalRedirect(Url.Content("~/"));
    }
}
