using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoSie.Platform.Web.Features.Lti.Admin;

[Authorize(Policy = PlatformPolicies.InstitutionAdmin)]
public sealed class NewPlatformModel(SavePlatform save, IStringLocalizer<NewPlatformModel> localizer) : PlatformFormPage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // SavePlatform adds its own findings to those of the annotations, so that the form says everything at once.
        if (await save.SaveAsync(null, Input, ModelState, cancellationToken) is not { } platform)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Status"] = localizer["Registered {platform}.", platform.DisplayName].Value;
        return LocalRedirect(Url.Content("~/lti/platforms"));
    }
}
