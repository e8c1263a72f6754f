using CoSie.Platform.Web.Features.Lti.Launch;
using CoSie.Platform.Web.Hosting;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Lti.DeepLinking;

// The deep linking picker: the instructor whose LtiDeepLinkingRequest was accepted chooses a module or a prompt; the
// answer, a signed LtiDeepLinkingResponse, goes back to the LMS by a form the browser posts to its return URL. The
// request's settings stay on the server under the one-time id in the address (the token); the form carries only that
// id and the choice, and the choice must be one on offer in this institution.
[AllowAnonymous]
// The token is the form's secret: it is random, reaches only the browser of the launch, and works once, which is what
// an antiforgery token would prove; and an antiforgery cookie may be blocked in the LMS's frame.
[IgnoreAntiforgeryToken]
public sealed class PickModel(
    PlatformDbContext db, TenantContext tenant, DeepLinkingOffer offers, DeepLinkingResponse responses, TimeProvider clock,
    IStringLocalizer<PickModel> localizer, ILogger<PickModel> logger) : PageModel
{
    public const int MaxChoices = 20;

    public sealed record Answer(string ReturnUrl, string Jwt);

    [BindProperty(Name = "choice")]
    public List<string> Choices { get; set; } = [];

    public IReadOnlyList<DeepLinkingOffer.OfferedCourse> Offer { get; private set; } = [];
    public bool AcceptMultiple { get; private set; }
    public string? Refusal { get; private set; }
    public Answer? Answered { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        if (await OpenAsync(token) is not { } request)
        {
            return Refuse(LaunchRefusal.DeepLinkingExpired, null);
        }
        AcceptMultiple = request.AcceptMultiple;
        Offer = await offers.ListAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await OpenAsync(token) is not { } request)
        {
            return Refuse(LaunchRefusal.DeepLinkingExpired, null);
        }
        AcceptMultiple = request.AcceptMultiple;
        Offer = await offers.ListAsync(cancellationToken);
        var chosen = Choices.Count is > 0 and <= MaxChoices ? DeepLinkingOffer.Find(Offer, Choices) : null;
        if (chosen is null || chosen.Count == 0 || (chosen.Count > 1 && !request.AcceptMultiple))
        {
            ModelState.AddModelError(string.Empty, request.AcceptMultiple
                ? localizer["Choose at least one module or prompt of the list."]
                : localizer["Choose one module or prompt of the list."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var platform = await db.LtiPlatforms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PlatformId && p.IsEnabled, cancellationToken);
        // Used up before the answer is made, so the same choice cannot be sent twice.
        var now = clock.GetUtcNow();
        if (platform is null || await db.LtiDeepLinkingRequests.Where(r => r.Id == request.Id && r.ExpiresAt > now).ExecuteDeleteAsync(cancellationToken) != 1)
        {
            return Refuse(LaunchRefusal.DeepLinkingExpired, request.PlatformId);
        }
        var launchUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{LtiPaths.Launch}";
        var jwt = await responses.SignAsync(platform, request, chosen, launchUrl, cancellationToken);
        logger.LogInformation("Deep linking response with {Count} item(s) for LTI platform {PlatformId} of institution {InstitutionId}",
            chosen.Count, platform.Id, tenant.Required.Id);
        Answered = new Answer(request.ReturnUrl, jwt);
        // The answer's form goes to the LMS, and only there.
        SecurityHeadersMiddleware.AllowFormAction(HttpContext, new Uri(request.ReturnUrl).GetLeftPart(UriPartial.Authority));
        return Page();
    }

    private async Task<LtiDeepLinkingRequest?> OpenAsync(string token)
    {
        if (!tenant.HasInstitution || string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        return await db.LtiDeepLinkingRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == token && r.ExpiresAt > now, HttpContext.RequestAborted);
    }

    private PageResult Refuse(LaunchRefusal refusal, Guid? platformId)
    {
        logger.LogWarning("LTI deep linking refused at institution {InstitutionId} (platform {PlatformId}): {Refusal}",
            tenant.Institution?.Id, platformId, refusal);
        Refusal = LaunchRefusals.Message(refusal, localizer);
        Response.StatusCode = LaunchRefusals.Status(refusal);
        return Page();
    }
}
