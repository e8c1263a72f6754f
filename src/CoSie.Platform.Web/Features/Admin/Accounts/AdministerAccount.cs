using CoSie.Platform.Web.Features.Account;
using Microsoft.AspNetCore.Identity;

namespace CoSie.Platform.Web.Features.Admin.Accounts;

// What a platform admin can do to an account: disable and enable it, force a new password, sign it out everywhere.
// Each change and its audit entry are saved together (the audit entry rides on the account's own save), the account's
// sessions and live connections end at once where the change calls for it (PlatformUserManager), and the person is
// told by mail in their own language.
public sealed class AdministerAccount(
    PlatformDbContext db,
    UserManager<PlatformUser> users,
    AccountAdminEmails emails,
    TimeProvider clock,
    ILogger<AdministerAccount> logger)
{
    // resetLink turns a password-reset code into the link the mail carries.
    public async Task<AccountActionResult> RunAsync(
        PlatformAuditKind kind, Guid actorId, Guid userId, string? reason, Func<string, string> resetLink, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return AccountActionResult.NotFound;
        }
        // An admin who disabled themselves would be locked out with no one to notice.
        if (kind == PlatformAuditKind.AccountDisabled && userId == actorId)
        {
            return AccountActionResult.OwnAccount;
        }
        if ((kind == PlatformAuditKind.AccountDisabled && user.IsDisabled) || (kind == PlatformAuditKind.AccountEnabled && !user.IsDisabled))
        {
            return AccountActionResult.AlreadyDone;
        }

        var why = reason?.Trim() ?? string.Empty;
        db.PlatformAuditEntries.Add(new PlatformAuditEntry
        {
            ActorId = actorId,
            SubjectUserId = userId,
            Kind = kind,
            Reason = why,
            At = clock.GetUtcNow(),
        });
        var result = kind switch
        {
            PlatformAuditKind.AccountDisabled => await SetDisabledAsync(user, true),
            PlatformAuditKind.AccountEnabled => await SetDisabledAsync(user, false),
            // Without a password hash no password signs in; only the reset link sets a new one. Removing it renews the
            // security stamp, which ends every session and makes earlier reset links useless.
            PlatformAuditKind.PasswordResetForced => await users.RemovePasswordAsync(user),
            PlatformAuditKind.SignedOutEverywhere => await users.UpdateSecurityStampAsync(user),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        if (!result.Succeeded)
        {
            // Typically the account changed meanwhile (its concurrency stamp); nothing was saved, the audit entry neither.
            logger.LogError("Platform admin {ActorId}: {Kind} for account {UserId} failed: {Errors}",
                actorId, kind, userId, string.Join(" ", result.Errors.Select(e => e.Code)));
            return AccountActionResult.Failed;
        }
        logger.LogInformation("Platform admin {ActorId}: {Kind} for account {UserId}", actorId, kind, userId);

        if (user.Email is not { Length: > 0 })
        {
            return new AccountActionResult(AccountActionOutcome.Done, Mailed: false);
        }
        var message = kind switch
        {
            PlatformAuditKind.AccountDisabled => emails.Disabled(user, why),
            PlatformAuditKind.AccountEnabled => emails.Enabled(user, why),
            PlatformAuditKind.PasswordResetForced =>
                emails.PasswordResetForced(user, why, resetLink(AccountTokens.Encode(await users.GeneratePasswordResetTokenAsync(user)))),
            _ => emails.SignedOutEverywhere(user, why),
        };
        return new AccountActionResult(AccountActionOutcome.Done, await emails.TrySendAsync(message, kind.ToString(), userId, cancellationToken));
    }

    private Task<IdentityResult> SetDisabledAsync(PlatformUser user, bool disabled)
    {
        user.IsDisabled = disabled;
        return users.UpdateAsync(user);
    }
}
