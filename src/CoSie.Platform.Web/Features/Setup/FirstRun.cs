using Microsoft.AspNetCore.Identity;

namespace CoSie.Platform.Web.Features.Setup;

// Until a platform admin exists, the setup page (or COSIE_ADMIN_EMAIL / COSIE_ADMIN_PASSWORD) creates one.
public sealed class FirstRun(PlatformDbContext db, UserManager<PlatformUser> users, TimeProvider clock, ILogger<FirstRun> logger)
{
    private const long LockKey = 0x_C051E_0002;

    public async Task<bool> IsNeededAsync(CancellationToken cancellationToken = default) =>
        !await users.Users.AnyAsync(u => u.IsPlatformAdmin, cancellationToken);

    // The check and the creation run under one transaction-scoped advisory lock: two setup forms posted at the
    // same moment, or two instances starting with COSIE_ADMIN_EMAIL, must not both see "no admin yet".
    // An existing account is made admin only when the operator asks for it (the environment path); the public
    // setup form must not hand platform administration to whoever types a known address.
    public async Task<FirstAdminResult> CreateAdminAsync(
        string email, string password, string displayName, bool promoteExistingAccount = false, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        if (!await IsNeededAsync(cancellationToken))
        {
            return FirstAdminResult.NotNeeded;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is not null && !promoteExistingAccount)
        {
            return FirstAdminResult.ExistingAccount;
        }

        IdentityResult result;
        if (user is null)
        {
            user = new PlatformUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                CreatedAt = clock.GetUtcNow(),
                IsPlatformAdmin = true,
            };
            result = await users.CreateAsync(user, password);
        }
        else
        {
            user.IsPlatformAdmin = true;
            user.EmailConfirmed = true;
            result = await users.UpdateAsync(user);
        }
        if (!result.Succeeded)
        {
            return FirstAdminResult.Failed(result.Errors.Select(e => e.Description));
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Made {Email} the first platform admin", email);
        return FirstAdminResult.Created(user);
    }

    public async Task CreateAdminFromEnvironmentAsync(IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var email = configuration["COSIE_ADMIN_EMAIL"];
        var password = configuration["COSIE_ADMIN_PASSWORD"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || !await IsNeededAsync(cancellationToken))
        {
            return;
        }
        var result = await CreateAdminAsync(email.Trim(), password, "Platform admin", promoteExistingAccount: true, cancellationToken);
        if (!result.Succeeded && !result.AlreadySetUp)
        {
            throw new InvalidOperationException(
                "COSIE_ADMIN_EMAIL/COSIE_ADMIN_PASSWORD could not create the first admin: " + string.Join(" ", result.Errors));
        }
    }
}
