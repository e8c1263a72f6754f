using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using MimeKit;

namespace CoSie.Platform.Web.Features.Account;

// Tells the owner of an account that it was locked, once per lockout, with a link to choose a new password. The mail
// is written and sent by the outbox after the answer to the attempt that locked it: made during that request (a reset
// token, a mail), it would make the attempt slower than a failed sign-in for an address without an account. The link
// starts at the institution's own host name or App:PublicBaseUrl (MailLinks), never at the Host header of the
// guesser's request.
public sealed class LockoutNotices(AccountMailOutbox outbox, MailLinks links, ILogger<LockoutNotices> logger)
{
    public void Queue(Guid userId, InstitutionInfo? institution) =>
        outbox.Compose(institution, "lockout notice", userId, (services, _) => ComposeAsync(services, userId, institution));

    private async Task<MimeMessage?> ComposeAsync(IServiceProvider services, Guid userId, InstitutionInfo? institution)
    {
        var users = services.GetRequiredService<UserManager<PlatformUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        // As with "forgot password", only an owner who can use the link gets it.
        if (user is not { EmailConfirmed: true, IsDisabled: false })
        {
            return null;
        }
        var code = AccountTokens.Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = links.Page(institution, "/Account/ResetPassword", new { code });
        logger.LogInformation("Telling account {UserId} that it is locked out", user.Id);
        return services.GetRequiredService<AccountEmails>().AccountLocked(user, link);
    }
}
