using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using CoSie.Platform.Web.Features.Account;

namespace CoSie.Platform.Web.Features.SingleSignOn.SignIn;

// Where the mailed link to link a provider leads. Opening it only asks; the link happens on the button, so that a mail
// scanner that fetches every link does not use it up (or sign itself in).
[AllowAnonymous]
[EnableRateLimiting(AccountFormsRateLimit.Policy)]
public sealed class ConfirmLinkModel(LinkByMail byMail) : PageModel
{
    public string? Code { get; private set; }
    public PendingMailLink? Pending { get; private set; }

    public async Task OnGetAsync(string? code)
    {
        Code = code;
        Pending = await byMail.ReadAsync(code);
    }

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        var result = await byMail.ConfirmAsync(HttpContext, code);
        if (result is null)
        {
            return Page();
        }
        return result.Outcome == ProviderSignInOutcome.SignedIn
            ? LocalRedirect(Url.IsLocalUrl(result.ReturnUrl) ? result.ReturnUrl : Url.Content("~/"))
            : LocalRedirect(Url.Content($"~/Account/Login?sso={result.Refusal}"));
    }
}
