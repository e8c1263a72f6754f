using System.Security.Claims;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Discussions;

// Is the account behind a long-lived connection still the one that signed in: same security stamp (no new
// password, no "sign out everywhere"), not disabled. Cached briefly per person, so a busy connection costs a query
// every few seconds at most.
public sealed class AccountCheck(IServiceScopeFactory scopes, IMemoryCache cache, IOptions<IdentityOptions> identity)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public async Task<bool> StillValidAsync(ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        if (user is null || user.AccountId() is not { } userId)
        {
            return false;
        }
        var key = $"account-check:{userId}";
        if (!cache.TryGetValue(key, out (string? Stamp, bool Disabled) account))
        {
            await using var scope = scopes.CreateAsyncScope();
            var found = await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().FindByIdAsync(userId.ToString());
            account = found is null ? (null, true) : (found.SecurityStamp, found.IsDisabled);
            cache.Set(key, account, Lifetime);
        }
        var claimed = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return !account.Disabled && account.Stamp is not null && string.Equals(account.Stamp, claimed, StringComparison.Ordinal);
    }

    public void Forget(Guid userId) => cache.Remove($"account-check:{userId}");
}
