using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CoSie.Platform.Web.Features.Lti.Launch;

// OIDC third-party-initiated login (LTI 1.3 core 5.1.1, Security Framework 5.1.1): the LMS sends the browser here with
// its issuer and a login hint; the tool answers with an authentication request to the registration's authorization
// endpoint, carrying a state bound to this browser and a nonce that the launch must bring back once.
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class LoginModel(
    PlatformDbContext db, TenantContext tenant, LaunchState states, TimeProvider clock,
    IStringLocalizer<LoginModel> localizer, ILogger<LoginModel> logger) : PageModel
{
    private static readonly string[] InitiationParameters = ["iss", "login_hint", "target_link_uri", "client_id", "lti_deployment_id", "lti_message_hint"];

    public string Message { get; private set; } = string.Empty;

    public Task<IActionResult> OnGetAsync() => StartAsync(Request.Query);

    public async Task<IActionResult> OnPostAsync() =>
        await StartAsync(Request.HasFormContentType ? await Request.ReadFormAsync(HttpContext.RequestAborted) : FormCollection.Empty);

    private async Task<IActionResult> StartAsync(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> parameters)
    {
        if (!tenant.HasInstitution)
        {
            return NotFound();
        }
        var values = parameters.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        string? Value(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) && v.Length <= 2000 ? v.Trim() : null;
        var issuer = Value("iss");
        var loginHint = Value("login_hint");
        var target = Value("target_link_uri");
        var clientId = Value("client_id");
        var deploymentId = Value("lti_deployment_id");
        if (issuer is null || loginHint is null || target is null)
        {
            return Refuse(LaunchRefusal.MissingParameters, null, issuer);
        }

        var candidates = await db.LtiPlatforms.AsNoTracking()
            .Where(p => p.IsEnabled && p.Issuer == issuer && (clientId == null || p.ClientId == clientId))
            .Take(2).ToListAsync(HttpContext.RequestAborted);
        // Without a client id the issuer must name one registration.
        if (candidates.Count != 1)
        {
            return Refuse(LaunchRefusal.UnknownPlatform, null, $"{issuer} {clientId}");
        }
        var platform = candidates[0];
        if (deploymentId is not null && !platform.HasDeployment(deploymentId))
        {
            return Refuse(LaunchRefusal.UnknownDeployment, platform.Id, deploymentId);
        }
        if (!ToolOrigin.Owns(Request, target))
        {
            return Refuse(LaunchRefusal.WrongTarget, platform.Id, target);
        }

        var nonce = LaunchState.NewNonce();
        db.LtiNonces.Add(new LtiNonce { Value = nonce, PlatformId = platform.Id, ExpiresAt = clock.GetUtcNow() + LaunchState.Lifetime });
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        // The initiation as the LMS sent it, so that a browser without cookies in the frame can start it again on top.
        var initiation = InitiationParameters.Where(name => Value(name) is not null).ToDictionary(name => name, name => Value(name)!, StringComparer.Ordinal);
        var state = states.Start(HttpContext, tenant.Required.Id, platform.Id, nonce, initiation);

        var query = new Dictionary<string, string?>
        {
            ["scope"] = "openid",
            ["response_type"] = "id_token",
            ["response_mode"] = "form_post",
            ["prompt"] = "none",
            ["client_id"] = platform.ClientId,
            // The launch address of this institution, whatever target the LMS asked for: the only redirect URI registered.
            ["redirect_uri"] = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{LtiPaths.Launch}",
            ["login_hint"] = loginHint,
            ["state"] = state,
            ["nonce"] = nonce,
        };
        if (Value("lti_message_hint") is { } messageHint)
        {
            query["lti_message_hint"] = messageHint;
        }
        logger.LogInformation("LTI login from platform {PlatformId} of institution {InstitutionId} sent to its authorization endpoint", platform.Id, tenant.Required.Id);
        return Redirect(QueryHelpers.AddQueryString(platform.AuthenticationUrl, query));
    }

    private PageResult Refuse(LaunchRefusal refusal, Guid? platformId, string? detail)
    {
        logger.LogWarning("LTI login refused at institution {InstitutionId} (platform {PlatformId}): {Refusal} {Detail}",
            tenant.Required.Id, platformId, refusal, detail);
        Message = LaunchRefusals.Message(refusal, localizer);
        Response.StatusCode = LaunchRefusals.Status(refusal);
        return Page();
    }
}
