using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.SingleSignOn.SignIn;

// Where the handler sends the person after it accepted the provider's answer.
[AllowAnonymous]
public sealed class CompleteModel(CompleteProviderSignIn complete) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var result = await complete.CompleteAsync(HttpContext);
        return result.Outcome switch
        {
            ProviderSignInOutcome.SignedIn => LocalRedirect(Url.IsLocalUrl(result.ReturnUrl) ? result.ReturnUrl : Url.Content("~/")),
            ProviderSignInOutcome.NeedsLink => LocalRedirect(Url.Content("~/sso/link")),
            ProviderSignInOutcome.Test => LocalRedirect(Url.Content($"~/sso/providers/{result.ProviderId}/test")),
            _ => LocalRedirect(Url.Content($"~/Account/Login?sso={result.Refusal}")),
        };
    }
}
