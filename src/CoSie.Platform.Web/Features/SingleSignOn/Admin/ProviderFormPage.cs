using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.SingleSignOn.Admin;

// What "new provider" and "edit provider" share: the form and its fields (_ProviderFields).
public abstract class ProviderFormPage : PageModel
{
    [BindProperty]
    public ProviderInput Input { get; set; } = new();

    // The address the admin registers at the provider as the redirect URI (the id is known once the provider exists).
    public string RedirectUriFor(Guid? id) =>
        $"{Request.Scheme}://{Request.Host}{Request.PathBase}{SsoPaths.CallbackPrefix}{(id is { } known ? known.ToString("N") : "…")}";

    public string SignedOutUri => $"{Request.Scheme}://{Request.Host}{Request.PathBase}{SsoPaths.SignedOut}";
}
