using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Discussions.Live;

// A live connection that only listens makes no hub calls, so the per-call account check (DiscussionHubFilter) never
// sees it. Changes made through the app (signing out, a new password, disabling, deleting) end its connections at once
// (PlatformUserManager); for a change made beside the app, such as an account disabled in SQL, every half minute this
// instance checks the accounts behind all of its connections in one query and ends each connection whose account was
// disabled or deleted, or whose security stamp changed since it connected.
public sealed class LiveAccountSweep(
    LiveConnections connections, IServiceScopeFactory scopes, TimeProvider clock, IOptions<IdentityOptions> identity, ILogger<LiveAccountSweep> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not check the accounts behind live connections; trying again in {Interval}", Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var open = connections.All();
        if (open.Count == 0)
        {
            return;
        }
        var ids = open.Select(c => c.UserId).Distinct().ToList();
        await using var scope = scopes.CreateAsyncScope();
        var accounts = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && !u.IsDisabled)
            .ToDictionaryAsync(u => u.Id, u => u.SecurityStamp, cancellationToken);
        var stampClaim = identity.Value.ClaimsIdentity.SecurityStampClaimType;
        foreach (var connection in open)
        {
            var claimed = connection.Context.User?.FindFirstValue(stampClaim);
            if (!accounts.TryGetValue(connection.UserId, out var stamp) || stamp is null || !string.Equals(stamp, claimed, StringComparison.Ordinal))
            {
                await connections.EndAsync(connection);
            }
        }
    }
}
