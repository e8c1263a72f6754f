using CoSie.Platform.Web.Features.Lti.Launch;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Lti.Framing;

// The launch finished in a window of its own, for a browser that refused the tool's cookies inside the LMS's frame
// (Continue): the ticket is used up, and the account the launch signed in is signed in here, as the launch did, unless
// it was disabled or its registration switched off since; then on to the launch's destination. A ticket that is
// unknown here, used or expired changes nothing.
// REVIEW: like any sign-in link, the address signs in whoever opens it while it lasts; it lives five minutes, works
// once, and reaches only the browser of the launch (the frame's address and this page's link).
[AllowAnonymous]
public sealed class OpenModel(
    LaunchTickets tickets, PlatformDbContext db, UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, TenantContext tenant,
    IStringLocalizer<OpenModel> localizer, ILogger<OpenModel> logger) : PageModel
{
    public string Message { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string? ticket)
    {
        if (!tenant.HasInstitution)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        if (await tickets.RedeemAsync(ticket, HttpContext.RequestAborted) is not { } redeemed)
        {
            return Refuse(LaunchRefusal.TicketUsed, "unknown, used or expired in a window of its own");
        }
        if (!await db.LtiPlatforms.AnyAsync(p => p.Id == redeemed.PlatformId && p.IsEnabled, HttpContext.RequestAborted))
        {
            return Refuse(LaunchRefusal.UnknownPlatform, $"platform {redeemed.PlatformId} disabled or removed since the launch");
        }
        var user = await users.FindByIdAsync(redeemed.UserId.ToString());
        if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            return Refuse(LaunchRefusal.AccountDisabled, $"account {redeemed.UserId} gone or disabled since the launch");
        }
        await LtiSession.SignInAsync(HttpContext, signIn, user, redeemed.InstitutionId, redeemed.PlatformId);
        logger.LogInformation("Account {UserId} signed in in a window of its own by the ticket of a launch from LTI platform {PlatformId}",
            user.Id, redeemed.PlatformId);
        return LocalRedirect(Url.Content(redeemed.Destination));
    }

    private PageResult Refuse(LaunchRefusal refusal, string detail)
    {
        logger.LogWarning("LTI launch ticket refused at institution {InstitutionId}: {Refusal} {Detail}", tenant.Required.Id, refusal, detail);
        Message = LaunchRefusals.Message(refusal, localizer);
        Response.StatusCode = LaunchRefusals.Status(refusal);
        return Page();
    }
}
