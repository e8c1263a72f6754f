using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoSie.Platform.Web.Features.Account;

// Sign-in with a password, which tells nobody whether an address has an account or in what state it is. Every
// attempt does the same work: one lookup by address, one password hash verified (the account's, or a dummy for an
// address without one), and, unless it signs in, one statement that counts the failure (it touches no row for an
// unknown address or an account locked already). A wrong password, an unknown address, an unconfirmed, disabled or
// locked account all end in the same refusal; only the log tells them apart. The attempt that locks an account
// queues a notice to its owner, sent after the answer.
public sealed class SignInWithPassword(
    UserManager<PlatformUser> users,
    SignInManager<PlatformUser> signIn,
    PlatformDbContext db,
    DummyPasswordHash dummy,
    LockoutNotices notices,
    TenantContext tenant,
    IOptions<IdentityOptions> identity,
    ILogger<SignInWithPassword> logger)
{
    public async Task<bool> TrySignInAsync(string email, string password, bool remember)
    {
        var user = await users.FindByEmailAsync(email);
        bool matches;
        if (user is { PasswordHash: not null })
        {
            // Also for an account that may not sign in now: refusing it before the hash would answer faster.
            matches = await users.CheckPasswordAsync(user, password);
        }
        else
        {
            dummy.Verify(users.PasswordHasher, password);
            matches = false;
        }

        if (user is not null && matches && await signIn.CanSignInAsync(user) && !await users.IsLockedOutAsync(user))
        {
            await users.ResetAccessFailedCountAsync(user);
            // Signing in replaces the session cookie, so a cookie planted before sign-in is worth nothing after it.
            await signIn.SignInAsync(user, remember, authenticationMethod: "pwd");
            logger.LogInformation("Account {UserId} signed in", user.Id);
            return true;
        }

        if (user is null)
        {
            logger.LogInformation("Refused sign-in for an address without an account");
        }
        else
        {
            logger.LogInformation("Refused sign-in for account {UserId} (confirmed {Confirmed}, disabled {Disabled}, locked {Locked})",
                user.Id, user.EmailConfirmed, user.IsDisabled, await users.IsLockedOutAsync(user));
        }
        if (await CountFailureAsync(user?.Id ?? Guid.Empty) && user is not null)
        {
            logger.LogWarning("Account {UserId} is locked out after failed sign-ins", user.Id);
            notices.Queue(user.Id, tenant.Institution);
        }
        return false;
    }

    // One statement for every refusal, so that counting is the same work for every address, and atomic, so that
    // guesses sent in parallel each count and exactly one of them is the one that locks. It returns whether this
    // attempt locked the account. Identity's own lockout check reads the system clock, so this does too. The guess is
    // counted even if the guesser hangs up meanwhile.
    private async Task<bool> CountFailureAsync(Guid userId)
    {
        const string sql = """
            UPDATE "AspNetUsers"
            SET access_failed_count = CASE WHEN access_failed_count + 1 >= @max THEN 0 ELSE access_failed_count + 1 END,
                lockout_end = CASE WHEN access_failed_count + 1 >= @max THEN @until ELSE lockout_end END
            WHERE id = @id AND lockout_enabled AND (lockout_end IS NULL OR lockout_end < @now)
            RETURNING access_failed_count = 0 AS "Value"
            """;
        var lockout = identity.Value.Lockout;
        var now = DateTimeOffset.UtcNow;
        var locked = await db.Database.SqlQueryRaw<bool>(sql,
                new NpgsqlParameter("max", lockout.MaxFailedAccessAttempts),
                new NpgsqlParameter("until", now + lockout.DefaultLockoutTimeSpan),
                new NpgsqlParameter("id", userId),
                new NpgsqlParameter("now", now))
            .ToListAsync(CancellationToken.None);
        return locked is [true];
    }
}
