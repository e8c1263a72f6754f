using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoSie.Platform.Web.Features.SingleSignOn.Admin;

[Authorize(Policy = PlatformPolicies.InstitutionAdmin)]
public sealed class NewProviderModel(SaveProvider save, IStringLocalizer<NewProviderModel> localizer) : ProviderFormPage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var provider = await save.SaveAsync(null, Input, ModelState, cancellationToken);
        if (provider is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Status"] = localizer["Saved {provider}. Register the redirect URI shown here at the provider, then try a test sign-in.", provider.DisplayName].Value;
        return LocalRedirect(Url.Content($"~/sso/providers/{provider.Id}/edit"));
    }
}
