using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoSie.Platform.Web.Features.Lti.Admin;

[Authorize(Policy = PlatformPolicies.InstitutionAdmin)]
public sealed class EditPlatformModel(PlatformDbContext db, SavePlatform save, IStringLocalizer<EditPlatformModel> localizer) : PlatformFormPage
{
    public string CurrentName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync([FromRoute] Guid id, CancellationToken cancellationToken)
    {
        var platform = await db.LtiPlatforms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (platform is null)
        {
            return NotFound();
        }
        CurrentName = platform.DisplayName;
        Input = SavePlatform.InputFrom(platform);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid id, CancellationToken cancellationToken)
    {
        var current = await db.LtiPlatforms.AsNoTracking().Where(p => p.Id == id).Select(p => p.DisplayName).SingleOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return NotFound();
        }
        CurrentName = current;
        // SavePlatform adds its own findings to those of the annotations, so that the form says everything at once.
        if (await save.SaveAsync(id, Input, ModelState, cancellationToken) is not { } platform)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Status"] = localizer["Saved {platform}.", platform.DisplayName].Value;
        return LocalRedirect(Url.Content("~/lti/platforms"));
    }
}
