using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.SingleSignOn.Admin;

// "Test sign-in": the admin signs in at the provider, and sees the claims it returned and whether the platform would
// accept them, before the provider is switched on. Nothing is created and nobody is signed in.
[Authorize(Policy = PlatformPolicies.InstitutionAdmin)]
public sealed class TestProviderModel(
    PlatformDbContext db, StartProviderSignIn start, IStringLocalizer<TestProviderModel> localizer) : PageModel
{
    public Guid Id { get; private set; }
    public string ProviderName { get; private set; } = string.Empty;
    public IReadOnlyList<(string Type, string Value)> Claims { get; private set; } = [];
    public string? RefusalMessage { get; private set; }
    public string? VerdictMessage { get; private set; }
    public ContinueToProvider? Continue { get; private set; }

    [BindProperty(SupportsGet = true, Name = "refusal")]
    public string? Refusal { get; set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] Guid id)
    {
        var provider = await db.SignInProviders.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, HttpContext.RequestAborted);
        if (provider is null)
        {
            return NotFound();
        }
        (Id, ProviderName) = (provider.Id, provider.DisplayName);
        if (Enum.TryParse<SignInRefusal>(Refusal, out var refusal) && Enum.IsDefined(refusal))
        {
            RefusalMessage = SignInRefusals.Message(refusal, localizer);
        }
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        if (external.Succeeded && SsoItems.Read(external.Properties, SsoItems.Provider) == provider.Id.ToString("N")
            && SsoItems.Read(external.Properties, SsoItems.Mode) == SsoItems.TestMode)
        {
            Claims = external.Principal.Claims.Select(c => (c.Type, c.Value)).ToList();
            if (ProviderClaims.Read(provider, external.Principal).Judge(provider) is { } verdict)
            {
                VerdictMessage = localizer["People would not be signed in: {reason}", SignInRefusals.Message(verdict, localizer)];
            }
            // Shown once: the answer is not kept.
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] Guid id)
    {
        var provider = await db.SignInProviders.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, HttpContext.RequestAborted);
        if (provider is null)
        {
            return NotFound();
        }
        var (providerUrl, refusal) = await start.ChallengeAsync(HttpContext, provider, SsoItems.TestMode, null);
        if (providerUrl is null)
        {
            return LocalRedirect(Url.Content($"~/sso/providers/{id}/test?refusal={refusal}"));
        }
        Continue = new ContinueToProvider(providerUrl, provider.DisplayName);
        return Page();
    }
}
