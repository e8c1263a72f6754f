using CoSie.Platform.Web.Features.Lti.Keys;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Lti.Admin;

// What the institution admin pastes into the LMS: the tool's addresses, Canvas's developer key JSON, Moodle's and
// Brightspace's fields; and the tool's key set with its rotation.
[Authorize(Policy = PlatformPolicies.InstitutionAdmin)]
public sealed class ToolModel(ToolKeys keys, TenantContext tenant, TimeProvider clock, IStringLocalizer<ToolModel> localizer) : PageModel
{
    public ToolAddresses Addresses { get; private set; } = null!;
    public string CanvasJson { get; private set; } = string.Empty;
    public IReadOnlyList<LtiToolKey> Keys { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The key set given to the LMS must not be empty: the first key is made here, when the admin first needs it.
        await keys.SigningKeyAsync(cancellationToken);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRotateAsync(CancellationToken cancellationToken)
    {
        var key = await keys.RotateAsync(cancellationToken);
        TempData["Status"] = localizer["A new key signs from now on ({key}). The previous key stays in the key set for a while, so that platforms notice the change in time.", key.KeyId].Value;
        return LocalRedirect(Url.Content("~/lti/tool"));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Addresses = ToolAddresses.For(Request);
        CanvasJson = CanvasDeveloperKey.Json(Addresses, tenant.Required.Name);
        Keys = await keys.PublishedAsync(cancellationToken);
        Now = clock.GetUtcNow();
    }
}
