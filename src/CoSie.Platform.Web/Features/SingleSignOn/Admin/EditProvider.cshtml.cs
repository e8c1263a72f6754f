using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoSie.Platform.Web.Features.SingleSignOn.Admin;

[Authorize(Policy = PlatformPolicies.InstitutionAdmin)]
public sealed class EditProviderModel(PlatformDbContext db, SaveProvider save, IStringLocalizer<EditProviderModel> localizer) : ProviderFormPage
{
    public Guid Id { get; private set; }
    public string CurrentName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync([FromRoute] Guid id, CancellationToken cancellationToken)
    {
        var provider = await db.SignInProviders.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (provider is null)
        {
            return NotFound();
        }
        (Id, CurrentName) = (provider.Id, provider.DisplayName);
        Input = SaveProvider.InputFrom(provider);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid id, CancellationToken cancellationToken)
    {
        var current = await db.SignInProviders.AsNoTracking().Where(p => p.Id == id).Select(p => p.DisplayName).SingleOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return NotFound();
        }
        (Id, CurrentName) = (id, current);
        if (!ModelState.IsValid || await save.SaveAsync(id, Input, ModelState, cancellationToken) is not { } provider)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Status"] = localizer["Saved {provider}.", provider.DisplayName].Value;
        return LocalRedirect(Url.Content("~/sso/providers"));
    }
}
