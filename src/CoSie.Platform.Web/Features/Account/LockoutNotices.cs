using System.Threading.Channels;
using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Identity;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace CoSie.Platform.Web.Features.Account;

// Tells the owner of an account that it was locked, once per lockout, with a link to choose a new password. The mail
// leaves from here, after the answer to the attempt that locked it: sent during that request, it would make the
// attempt slower than a failed sign-in for an address without an account. The link starts at the institution's own
// host name or App:PublicBaseUrl (MailLinks), never at the Host header of the guesser's request.
// REVIEW: the queue lives in memory, so a notice still waiting when the app stops is lost (the lockout itself holds).
// An outbox would keep it.
public sealed class LockoutNotices(
    IServiceScopeFactory scopes, TenantScopes tenants, MailLinks links, ILogger<LockoutNotices> logger)
    : BackgroundService
{
    // Far more than one instance locks in the time it takes to send them; beyond it, notices are dropped, not queued.
    private readonly Channel<Notice> _queue = Channel.CreateBounded<Notice>(new BoundedChannelOptions(1000)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Queue(Guid userId, InstitutionInfo? institution)
    {
        if (!_queue.Writer.TryWrite(new Notice(userId, institution)))
        {
            logger.LogWarning("Dropped the lockout notice for account {UserId}: too many are waiting", userId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var notice in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await SendAsync(notice, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Could not send the lockout notice for account {UserId}", notice.UserId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(Notice notice, CancellationToken cancellationToken)
    {
        await using var scope = notice.Institution is { } institution ? tenants.Enter(institution) : scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var user = await users.FindByIdAsync(notice.UserId.ToString());
        // As with "forgot password", only an owner who can use the link gets it.
        if (user is not { EmailConfirmed: true, IsDisabled: false })
        {
            return;
        }
        var code = AccountTokens.Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = links.Page(notice.Institution, "/Account/ResetPassword", new { code });
        var emails = scope.ServiceProvider.GetRequiredService<AccountEmails>();
        emails.Send(emails.AccountLocked(user, link), "lockout notice", user.Id);
        logger.LogInformation("Told account {UserId} that it is locked out", user.Id);
    }

    private sealed record Notice(Guid UserId, InstitutionInfo? Institution);
}
