using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Identity;

// Is the account behind a session cookie or a live connection still the one that signed in: it exists, is not
// disabled, and its security stamp is the one the session carries. Signing out, a new or reset password, a new email
// address and "sign out everywhere" all renew the stamp, so this one comparison ends each of those sessions
// (docs/decisions/0010-sessions-end-at-once.md). It runs on every request, against a small cache of each account's
// stamp: PlatformUserManager drops an account's entry the moment a change is saved, on this instance directly and on
// the others through LiveCutOffRelay. An entry also expires after Lifetime, which bounds a change made beside the app.
public sealed class SessionCheck(IServiceScopeFactory scopes, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, Entry> _accounts = new();
    private volatile bool _trusted = true;

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal? user)
    {
        if (user is null || user.AccountId() is not { } userId)
        {
            return false;
        }
        var claimed = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var account = await AccountAsync(userId);
        return account is { Disabled: false, Stamp: { } stamp } && string.Equals(stamp, claimed, StringComparison.Ordinal);
    }

    public void Forget(Guid userId) => _accounts.TryRemove(userId, out _);

    // While this instance may miss the other instances' changes (its relay lost Redis), every check reads the database.
    public void Trust(bool trusted)
    {
        _trusted = trusted;
        _accounts.Clear();
    }

    private async Task<Account?> AccountAsync(Guid userId)
    {
        var now = clock.GetUtcNow();
        if (_trusted && _accounts.TryGetValue(userId, out var cached) && now - cached.ReadAt < Lifetime)
        {
            return await cached.Read.Value;
        }
        // The entry is in place before its query starts, so a Forget that arrives while the query runs drops it, and
        // a stale answer is never kept.
        var entry = new Entry(now, new Lazy<Task<Account?>>(() => ReadAsync(userId)));
        if (_trusted)
        {
            _accounts[userId] = entry;
        }
        try
        {
            return await entry.Read.Value;
        }
        catch
        {
            _accounts.TryRemove(new KeyValuePair<Guid, Entry>(userId, entry));
            throw;
        }
    }

    // Shared by every request that waits for it, so no one request's cancellation ends it.
    private async Task<Account?> ReadAsync(Guid userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new Account(u.SecurityStamp, u.IsDisabled))
            .SingleOrDefaultAsync(CancellationToken.None);
    }

    private sealed record Account(string? Stamp, bool Disabled);

    private sealed record Entry(DateTimeOffset ReadAt, Lazy<Task<Account?>> Read);
}
