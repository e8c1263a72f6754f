using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Account;

// The one answer to "register", "resend the confirmation" and "forgot password", whether or not the address has an account.
[AllowAnonymous]
public sealed class CheckEmailModel : PageModel
{
    public const string Registration = "registration";
    public const string Confirmation = "confirmation";
    public const string Reset = "reset";

    [BindProperty(SupportsGet = true)]
    public string? About { get; set; }

    public void OnGet()
    {
    }
}
