using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.SingleSignOn.SignIn;

// After the link to confirm linking a provider went out (LinkModel.OnPostMailAsync).
[AllowAnonymous]
public sealed class LinkSentModel : PageModel
{
    public void OnGet()
    {
    }
}
