using CoSie.Platform.Web.Features.Lti.Launch;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Lti.Framing;

// The step after a launch, in the LMS's frame: the launch set the session's cookie and sent the browser here with its
// ticket. If the cookie came back, the browser keeps the tool's session in the frame: the ticket is used up and the
// person goes on to their place. If it did not, the browser refuses the tool's cookies inside the LMS (third-party
// cookies blocked), and every page would find them signed out: the page says so and offers the same launch in a window
// of its own (Open), where the cookie is first-party.
[AllowAnonymous]
public sealed class ContinueModel(LaunchTickets tickets, TenantContext tenant, IStringLocalizer<ContinueModel> localizer, ILogger<ContinueModel> logger)
    : PageModel
{
    public string? Refusal { get; private set; }
    public string OpenAddress { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string? ticket)
    {
        if (!tenant.HasInstitution)
        {
            return NotFound();
        }
        // The address carries a ticket that opens a session: no cache keeps it.
        Response.Headers.CacheControl = "no-store";
        if (await tickets.FindAsync(ticket, HttpContext.RequestAborted) is not { } found)
        {
            return Refuse("unknown, used or expired at the continue step");
        }
        if (LtiSession.IsOf(User, found.UserId, found.PlatformId))
        {
            return await tickets.RedeemAsync(ticket, HttpContext.RequestAborted) is { } redeemed
                ? LocalRedirect(Url.Content(redeemed.Destination))
                : Refuse("used by another request at the continue step");
        }
        logger.LogInformation("The session cookie of a launch of account {UserId} from LTI platform {PlatformId} did not come back from the LMS's frame; offering a window of its own",
            found.UserId, found.PlatformId);
        OpenAddress = Url.Content($"~{LtiPaths.Open}?ticket={Uri.EscapeDataString(ticket!)}");
        return Page();
    }

    private PageResult Refuse(string detail)
    {
        logger.LogWarning("LTI launch ticket refused at institution {InstitutionId}: {Detail}", tenant.Required.Id, detail);
        Refusal = LaunchRefusals.Message(LaunchRefusal.TicketUsed, localizer);
        Response.StatusCode = LaunchRefusals.Status(LaunchRefusal.TicketUsed);
        return Page();
    }
}
