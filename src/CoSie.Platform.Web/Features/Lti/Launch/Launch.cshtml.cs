using CoSie.Platform.Web.Features.Lti.DeepLinking;
using CoSie.Platform.Web.Features.Lti.Framing;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Lti.Launch;

// The launch (LTI 1.3 core 5.1.2): the LMS posts the id_token and the state of the login here (form_post). A launch
// that passes every check signs the person in and sends them to their place; any other gets a page saying what was
// wrong, a log line, and changes nothing.
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class LaunchModel(
    PlatformDbContext db, TenantContext tenant, TimeProvider clock, LaunchState states, LaunchToken tokens, LaunchLanding landing, StartDeepLinking deepLinking, LaunchTickets tickets,
    IStringLocalizer<LaunchModel> localizer, ILogger<LaunchModel> logger) : PageModel
{
    public string Message { get; private set; } = string.Empty;

    // Set when the browser refused the login's cookie inside the LMS's frame: where the login starts again on top.
    public string? NewWindowAddress { get; private set; }

    public IActionResult OnGet() => tenant.HasInstitution ? Refuse(LaunchRefusal.MissingParameters, null, "GET") : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!tenant.HasInstitution)
        {
            return NotFound();
        }
        var form = Request.HasFormContentType ? await Request.ReadFormAsync(HttpContext.RequestAborted) : FormCollection.Empty;
        var idToken = form["id_token"].ToString();
        var stateText = form["state"].ToString();
        if (form.ContainsKey("error"))
        {
            // The LMS answered the authentication request with an error (prompt=none and no session, for one).
            return Refuse(LaunchRefusal.StateMismatch, null, $"{form["error"]}: {form["error_description"]}");
        }
        if (string.IsNullOrEmpty(idToken) || string.IsNullOrEmpty(stateText))
        {
            return Refuse(LaunchRefusal.MissingParameters, null, null);
        }
        var finished = states.Finish(HttpContext, tenant.Required.Id, stateText);
        if (finished.Login is not { } login)
        {
            // The browser kept no cookie inside the LMS's frame: the same login, started again in a window of the tool's
            // own, has first-party cookies. Nothing of this launch is used. Only while its nonce is unused: a state
            // posted again after its launch (whose cookie that launch removed) is a replay.
            if (finished.Restart is { } restart && await db.LtiNonces.AnyAsync(
                    n => n.Value == restart.Nonce && n.PlatformId == restart.PlatformId && n.ExpiresAt > clock.GetUtcNow(), HttpContext.RequestAborted))
            {
                NewWindowAddress = Url.Content($"~{LtiPaths.Login}{restart.Query}");
                logger.LogWarning("LTI launch at institution {InstitutionId} came back without its state cookie; offered a new window", tenant.Required.Id);
                return Page();
            }
            return Refuse(LaunchRefusal.StateMismatch, null, null);
        }
        var platform = await db.LtiPlatforms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == login.PlatformId && p.IsEnabled, HttpContext.RequestAborted);
        if (platform is null)
        {
            return Refuse(LaunchRefusal.UnknownPlatform, login.PlatformId, "disabled or removed since the login");
        }
        var checkedToken = await tokens.ValidateAsync(platform, idToken, login.Nonce, Request, HttpContext.RequestAborted);
        if (checkedToken.Claims is not { } claims)
        {
            return Refuse(checkedToken.Refusal!.Value, platform.Id, checkedToken.Detail);
        }
        if (checkedToken.DeepLinking is { } settings)
        {
            var started = await deepLinking.StartAsync(platform, claims, settings, HttpContext.RequestAborted);
            return started.Id is { } pick ? LocalRedirect(Url.Content($"~/lti/deep-linking/{pick}")) : Refuse(started.Refusal!.Value, platform.Id, started.Detail);
        }
        var landed = await landing.LandAsync(HttpContext, platform, claims);
        if (landed.Destination is not { } destination)
        {
            return Refuse(landed.Refusal!.Value, platform.Id, landed.Detail);
        }
        await HttpContext.RequestServices.GetRequiredService<Services.AdvantageLaunch>().LaunchedAsync(platform, idToken, claims, HttpContext.RequestAborted);
        // Not straight to the destination: the next request shows whether the session's cookie came back from the
        // LMS's frame, and lets a browser that refused it finish in a window of its own (Framing/Continue).
        var ticket = await tickets.IssueAsync(platform.Id, landed.UserId, destination, HttpContext.RequestAborted);
        return LocalRedirect(Url.Content($"~{LtiPaths.Continue}?ticket={ticket}"));
    }

    private PageResult Refuse(LaunchRefusal refusal, Guid? platformId, string? detail)
    {
        logger.LogWarning("LTI launch refused at institution {InstitutionId} (platform {PlatformId}): {Refusal} {Detail}",
            tenant.Required.Id, platformId, refusal, detail);
        Message = LaunchRefusals.Message(refusal, localizer);
        Response.StatusCode = LaunchRefusals.Status(refusal);
        return Page();
    }
}
